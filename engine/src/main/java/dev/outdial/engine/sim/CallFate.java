package dev.outdial.engine.sim;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;

/**
 * Everything random about one call to a customer, drawn when it is placed: what becomes of it,
 * how long the network takes to signal, how long it rings before an answer, how long the customer
 * talks, how long they would wait for an agent, and, in a benchmark day, the agent's wrap-up after
 * it. Drawn in this order, the order the carrier always drew them, so a seed replays the same calls.
 */
public record CallFate(CarrierOutcome outcome, Duration signal, Duration ringing, Duration talk,
                       Optional<Duration> patience, Duration wrapUp) {

    /** The fate of a call to {@code number} as {@code model} has it, with no wrap-up drawn. */
    public static CallFate draw(CarrierModel model, String number, Random random) {
        CarrierOutcome outcome = model.outcomeFor(number, random);
        Duration signal = model.signalDelay().sample(random);
        Duration ringing = model.ringBeforeAnswer().sample(random);
        Duration talk = model.talkTime().sample(random);
        Optional<Duration> patience = model.patience().map(distribution -> distribution.sample(random));
        return new CallFate(outcome, signal, ringing, talk, patience, Duration.ZERO);
    }

    /** Whether a person answers before the phone gives up after {@code givesUp} of ringing. */
    public boolean answeredWithin(Duration givesUp) {
        return outcome == CarrierOutcome.ANSWER && ringing.compareTo(givesUp) < 0;
    }

    /** From the dial to the answer, for a call {@link #answeredWithin answered}. */
    public Duration untilAnswer() {
        return signal.plus(ringing);
    }
}
