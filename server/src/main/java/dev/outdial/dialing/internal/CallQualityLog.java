package dev.outdial.dialing.internal;

import dev.outdial.call.CallActivities;
import dev.outdial.call.CallActivity;
import dev.outdial.engine.port.CallId;
import dev.outdial.sip.AudioQuality;
import dev.outdial.sip.CallQualities;
import dev.outdial.sip.CallQuality;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Keeps with each call how its audio reached Outdial, the customer's and their agent's, as the SIP side tells it when
 * the call ends (written by the {@link CallFactWriter}: the SIP side's threads never wait for the database), and
 * counts it in the metrics the operator's alerting reads: {@code outdial_call_audio_loss_ratio},
 * {@code outdial_call_audio_jitter_seconds}, {@code outdial_call_audio_mos} and, where RTCP measured it,
 * {@code outdial_call_audio_round_trip_seconds}, one sample a call and side ({@code side} {@code customer} or
 * {@code agent}).
 */
@Component
class CallQualityLog implements CallQualities {

    private final CallActivities activities;
    private final MeterRegistry registry;
    private final CallFactWriter writer;

    CallQualityLog(CallActivities activities, MeterRegistry registry, CallFactWriter writer) {
        this.activities = activities;
        this.registry = registry;
        this.writer = writer;
    }

    @Override
    public void measured(CallId call, CallQuality measured) {
        count("customer", measured.customer());
        if (measured.agent() != null) {
            count("agent", measured.agent());
        }
        CallActivity.Quality quality = MeasuredAudio.quality(measured);
        writer.keep("its line's quality", call, () -> activities.keepQuality(call.value(), quality));
    }

    /** One call's sample of {@code side}'s audio in the three summaries (registered once, then found). */
    private void count(String side, AudioQuality audio) {
        DistributionSummary.builder("outdial.call.audio.loss.ratio")
                .description("The share of a side's audio packets lost on the way, a call at a time")
                .tag("side", side).publishPercentiles(0.5, 0.95).register(registry).record(audio.lossRatio());
        DistributionSummary.builder("outdial.call.audio.jitter").baseUnit("seconds")
                .description("A side's audio's mean interarrival jitter (RFC 3550), a call at a time")
                .tag("side", side).publishPercentiles(0.5, 0.95).register(registry)
                .record(audio.meanJitterMillis() / 1000);
        DistributionSummary.builder("outdial.call.audio.mos")
                .description("The mean opinion score a side's loss, jitter and delay give (1 to 4.4), a call at a time")
                .tag("side", side).publishPercentiles(0.05, 0.5).register(registry).record(audio.meanOpinionScore());
        if (audio.roundTripMillis() != null) {
            DistributionSummary.builder("outdial.call.audio.round.trip").baseUnit("seconds")
                    .description("The mean round trip to a side's far end its RTCP reports measured, a call at a time")
                    .tag("side", side).publishPercentiles(0.5, 0.95).register(registry)
                    .record(audio.roundTripMillis() / 1000);
        }
    }
}
