package dev.outdial.call;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What was done on a call while it was up, in order, and how long its customer was on hold in all: put on hold and
 * taken off by its agent, its recording paused and resumed, a supervisor listening in, coaching or barging in.
 *
 * @param heldMillis how long the customer was on hold, a hold still on counted to the call's end or to now
 * @param holds      how many times they were put on hold
 */
public record CallActivity(String callId, long heldMillis, int holds, List<Step> steps) {

    /** What was done. */
    public enum Kind {
        HOLD, UNHOLD, RECORDING_PAUSED, RECORDING_RESUMED, LISTENING_STARTED, LISTENING_CHANGED, LISTENING_ENDED
    }

    /**
     * One thing done on the call, by whom.
     *
     * @param mode how a supervisor listens from then on ({@code LISTEN}, {@code COACH}: the agent hears them,
     *             {@code BARGE}: both sides do); null for the other kinds
     */
    public record Step(Instant at, Kind kind, long userId, String userName,
                       @Schema(allowableValues = {"LISTEN", "COACH", "BARGE"}) String mode) {

        boolean isListening() {
            return kind == Kind.LISTENING_STARTED || kind == Kind.LISTENING_CHANGED || kind == Kind.LISTENING_ENDED;
        }
    }

    /** The call's steps with its hold time summed, a hold not taken off ending at {@code end}. */
    static CallActivity of(String callId, List<Step> steps, Instant end) {
        Duration held = Duration.ZERO;
        int holds = 0;
        Optional<Instant> heldSince = Optional.empty();
        for (Step step : steps) {
            if (step.kind() == Kind.HOLD && heldSince.isEmpty()) {
                heldSince = Optional.of(step.at());
                holds++;
            } else if (step.kind() == Kind.UNHOLD && heldSince.isPresent()) {
                held = held.plus(Duration.between(heldSince.get(), step.at()));
                heldSince = Optional.empty();
            }
        }
        if (heldSince.isPresent() && end.isAfter(heldSince.get())) {
            held = held.plus(Duration.between(heldSince.get(), end));
        }
        return new CallActivity(callId, held.toMillis(), holds, steps);
    }

    /**
     * Since when the customer is on hold now (or was when the call ended): the hold not taken off since; empty where
     * they are not on hold.
     */
    public Optional<Instant> heldSince() {
        Optional<Instant> since = Optional.empty();
        for (Step step : steps) {
            if (step.kind() == Kind.HOLD && since.isEmpty()) {
                since = Optional.of(step.at());
            } else if (step.kind() == Kind.UNHOLD) {
                since = Optional.empty();
            }
        }
        return since;
    }

    /** The same without the supervisors' listening: an agent is not told who listened to them. */
    CallActivity withoutListening() {
        return new CallActivity(callId, heldMillis, holds, steps.stream().filter(step -> !step.isListening()).toList());
    }
}
