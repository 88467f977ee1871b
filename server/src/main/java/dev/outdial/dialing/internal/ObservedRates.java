package dev.outdial.dialing.internal;

import dev.outdial.call.DialingCalls;
import dev.outdial.dialing.CampaignForecastView.Rate;
import dev.outdial.dialing.CampaignForecastView.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The rates a campaign's calls have shown so far, for its forecast: the last calls only, so the
 * answer is quick on a campaign of millions of calls and follows a rate that drifts; a rate seen on
 * too few calls to mean anything is replaced by the simulated carrier's default.
 */
@Component
class ObservedRates {

    /** The most recent calls looked at. */
    static final int RECENT_CALLS = 2_000;
    /** Fewer calls than this say nothing reliable about a rate. */
    static final int MIN_SAMPLE = 20;

    static final double DEFAULT_ANSWER_RATE = 0.35;
    static final double DEFAULT_BUSY_RATE = 0.10;
    static final Duration DEFAULT_RING = Duration.ofSeconds(8);
    static final Duration DEFAULT_TALK = Duration.ofSeconds(120);

    private final DialingCalls calls;

    ObservedRates(DialingCalls calls) {
        this.calls = calls;
    }

    /** A finished call, as much of it as the rates need. */
    private record Ended(Instant dialingAt, Instant answeredAt, Instant connectedAt, Instant endedAt, String result) {
    }

    /** answerRate, busyRate, ringSeconds, talkSeconds: observed where the sample allows, else default. */
    List<Rate> of(long businessId, long campaignId) {
        List<Ended> calls = this.calls.recentlyEnded(businessId, campaignId, RECENT_CALLS).stream()
                .map(call -> new Ended(call.dialingAt(), call.answeredAt().orElse(null), call.connectedAt().orElse(null),
                        call.endedAt().orElseThrow(), call.result().map(Enum::name).orElse(null)))
                .toList();
        // A machine is not a person answering; the simulated customers have none.
        List<Ended> answered = calls.stream().filter(call -> call.answeredAt() != null && !"MACHINE".equals(call.result()))
                .toList();
        long busy = calls.stream().filter(call -> "BUSY".equals(call.result())).count();
        List<Ended> connected = calls.stream().filter(call -> call.connectedAt() != null).toList();
        List<Rate> rates = new ArrayList<>();
        rates.add(share("answerRate", answered.size(), calls.size(), DEFAULT_ANSWER_RATE));
        rates.add(share("busyRate", busy, calls.size(), DEFAULT_BUSY_RATE));
        rates.add(mean("ringSeconds", answered.stream().map(call -> Duration.between(call.dialingAt(), call.answeredAt()))
                .toList(), DEFAULT_RING));
        rates.add(mean("talkSeconds", connected.stream().map(call -> Duration.between(call.connectedAt(), call.endedAt()))
                .toList(), DEFAULT_TALK));
        return rates;
    }

    private static Rate share(String name, long part, long whole, double fallback) {
        return whole < MIN_SAMPLE ? new Rate(name, fallback, Source.DEFAULT, 0)
                : new Rate(name, (double) part / whole, Source.OBSERVED, whole);
    }

    /** Durations are few and small numbers: the mean's seconds, to the tenth. */
    private static Rate mean(String name, List<Duration> durations, Duration fallback) {
        if (durations.size() < Math.max(1, MIN_SAMPLE / 4)) {
            return new Rate(name, fallback.toSeconds(), Source.DEFAULT, 0);
        }
        double seconds = durations.stream().mapToLong(Duration::toMillis).average().orElse(0) / 1000.0;
        return new Rate(name, Math.round(seconds * 10) / 10.0, Source.OBSERVED, durations.size());
    }
}
