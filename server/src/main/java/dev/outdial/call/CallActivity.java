package dev.outdial.call;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What was done on a call while it was up, in order, and how long its customer was on hold in all: put on hold and
 * taken off by its agent (through Outdial or with their phone's own Hold button), held by the customer's own phone, its
 * recording paused and resumed, a supervisor listening in, coaching or barging in. The customer's own holds are not
 * hold time: nobody made them wait.
 *
 * @param heldMillis how long the customer was on hold, a hold still on counted to the call's end or to now; while
 *                   Outdial and the agent's phone both held, counted once
 * @param holds      how many times they were put on hold from off hold
 * @param quality    how its audio reached Outdial, the customer's and the agent's, on a real call that has ended; null
 *                   otherwise
 * @param trunkAnswers what the carrier's trunks answered the call's INVITEs, in order, on a real call Outdial placed
 *                   that has ended; empty otherwise
 */
public record CallActivity(String callId, long heldMillis, int holds, List<Step> steps, Quality quality,
                           List<TrunkAnswer> trunkAnswers) {

    /**
     * A carrier's trunk's final answer to an INVITE of the call: what an operator reads when calls fail and their
     * result alone does not say why (a route refusing calls, credentials gone stale, a number format refused).
     *
     * @param trunk     the trunk, host:port
     * @param status    the final response's status (200 to 699); 0 where the trunk answered nothing
     * @param reason    its reason phrase as the trunk wrote it; with 0, what happened instead
     * @param q850Cause the ISDN cause of its {@code Reason: Q.850;cause=N} header (RFC 3326), 1 to 127; null where
     *                  it gave none
     */
    public record TrunkAnswer(String trunk, int status, String reason, Integer q850Cause) {

        /** The status of an INVITE the trunk answered nothing. */
        public static final int NONE = 0;

        /** As an export writes it: {@code 503 Service Unavailable (Q.850 34) from 203.0.113.10:5060}. */
        public String text() {
            String said = status == NONE ? reason : status + " " + reason;
            return said + (q850Cause == null ? "" : " (Q.850 " + q850Cause + ")") + " from " + trunk;
        }
    }

    /**
     * How a real call's audio reached Outdial: what an operator looks at when a customer or an agent says the line
     * was bad (a carrier's route, an agent's Wi-Fi).
     *
     * @param customer the customer's, from the carrier
     * @param agent    the agent's, from their phone while it was bridged to the customer; null where none was
     */
    public record Quality(Audio customer, Audio agent) {
    }

    /**
     * One side's audio as it reached Outdial, measured on the RTP it received (RFC 3550).
     *
     * @param packetsExpected  the 20 ms packets the side sent, by their sequence numbers
     * @param packetsLost      of those, the ones that never arrived
     * @param meanJitterMillis how unevenly they came (the interarrival jitter), its mean over the call
     * @param maxJitterMillis  its highest
     * @param roundTripMillis  the mean round trip between Outdial and the side's far end, as their RTCP reports
     *                         measured it; null where the far end sent none that could
     * @param meanOpinionScore the score, 1 (bad) to 4.4 (G.711's best), the loss, the jitter and half the round trip
     *                         give by the simplified E-model; without a round trip the network's delay is not counted,
     *                         so the score is the line's best case
     */
    public record Audio(long packetsExpected, long packetsLost, double meanJitterMillis, double maxJitterMillis,
                        Double roundTripMillis, double meanOpinionScore) {

        /** The share of the packets lost, in per cent. */
        public double lossPercent() {
            return packetsExpected == 0 ? 0 : 100.0 * packetsLost / packetsExpected;
        }

        /** Whether the line is poor: scored under {@link LineQuality#POOR_BELOW}. */
        public boolean isPoor() {
            return meanOpinionScore < LineQuality.POOR_BELOW;
        }
    }

    /** What was done. */
    public enum Kind {
        HOLD, UNHOLD, RECORDING_PAUSED, RECORDING_RESUMED, LISTENING_STARTED, LISTENING_CHANGED, LISTENING_ENDED,
        /** The customer's own phone held the call, or took it off hold; its step's user is the agent they talked to. */
        CUSTOMER_HOLD, CUSTOMER_UNHOLD
    }

    /**
     * One thing done on the call, by whom.
     *
     * @param mode    how a supervisor listens from then on ({@code LISTEN}, {@code COACH}: the agent hears them,
     *                {@code BARGE}: both sides do); null for the other kinds
     * @param byPhone a hold put on or taken off by the agent's phone itself, not through Outdial: a hold of its own,
     *                which only the phone takes off
     */
    public record Step(Instant at, Kind kind, long userId, String userName,
                       @Schema(allowableValues = {"LISTEN", "COACH", "BARGE"}) String mode, boolean byPhone) {

        boolean isListening() {
            return kind == Kind.LISTENING_STARTED || kind == Kind.LISTENING_CHANGED || kind == Kind.LISTENING_ENDED;
        }
    }

    /** The call's steps with its hold time summed, a hold not taken off ending at {@code end}. */
    static CallActivity of(String callId, List<Step> steps, Instant end) {
        Duration held = Duration.ZERO;
        int holds = 0;
        Holds now = new Holds();
        for (Step step : steps) {
            Optional<Instant> since = now.since;
            now.after(step);
            if (since.isEmpty() && now.since.isPresent()) {
                holds++;
            } else if (since.isPresent() && now.since.isEmpty()) {
                held = held.plus(Duration.between(since.get(), step.at()));
            }
        }
        if (now.since.isPresent() && end.isAfter(now.since.get())) {
            held = held.plus(Duration.between(now.since.get(), end));
        }
        return new CallActivity(callId, held.toMillis(), holds, steps, null, List.of());
    }

    /**
     * Since when the customer is on hold now (or was when the call ended): the hold not taken off since; empty where
     * they are not on hold.
     */
    public Optional<Instant> heldSince() {
        Holds now = new Holds();
        steps.forEach(now::after);
        return now.since;
    }

    /**
     * The two holds a customer can be on, through Outdial and by the agent's phone, walked step by step: on hold while
     * either is on, since the first of them was put on.
     */
    private static final class Holds {

        private boolean byOutdial;
        private boolean byPhone;
        private Optional<Instant> since = Optional.empty();

        void after(Step step) {
            if (step.kind() != Kind.HOLD && step.kind() != Kind.UNHOLD) {
                return;
            }
            boolean on = step.kind() == Kind.HOLD;
            if (step.byPhone()) {
                byPhone = on;
            } else {
                byOutdial = on;
            }
            if (!byOutdial && !byPhone) {
                since = Optional.empty();
            } else if (since.isEmpty()) {
                since = Optional.of(step.at());
            }
        }
    }

    /** The same without the supervisors' listening: an agent is not told who listened to them. */
    CallActivity withoutListening() {
        return new CallActivity(callId, heldMillis, holds, steps.stream().filter(step -> !step.isListening()).toList(),
                quality, trunkAnswers);
    }

    /** The same with the call's quality and its trunks' answers. */
    CallActivity with(Optional<Quality> measured, List<TrunkAnswer> answered) {
        return new CallActivity(callId, heldMillis, holds, steps, measured.orElse(null), List.copyOf(answered));
    }
}
