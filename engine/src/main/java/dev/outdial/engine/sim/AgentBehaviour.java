package dev.outdial.engine.sim;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CustomerInput;
import dev.outdial.engine.port.AgentUpdate;
import dev.outdial.engine.port.CallDisposition;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * How a simulated agent works: how fast they pick up their leg, click, and classify, and what they
 * make of a reached customer.
 *
 * @param answerDelay      from their leg ringing to picking up
 * @param thinkTime        manual: from being free to "Get customer", and from a customer shown to the dial
 * @param dispositionDelay from a reached call's end to its disposition (what wrap-up is for)
 * @param classifier       the disposition of a reached call
 */
public record AgentBehaviour(Distribution answerDelay, Distribution thinkTime, Distribution dispositionDelay,
                             Classifier classifier) {

    /** What an agent says about a reached call. */
    @FunctionalInterface
    public interface Classifier {
        CallDisposition classify(AgentId agent, AgentUpdate.CallEnded call, Instant now, Random random);
    }

    public AgentBehaviour {
        Objects.requireNonNull(answerDelay, "answerDelay");
        Objects.requireNonNull(thinkTime, "thinkTime");
        Objects.requireNonNull(dispositionDelay, "dispositionDelay");
        Objects.requireNonNull(classifier, "classifier");
    }

    /** Picks up in ~2 s, clicks in ~5 s, classifies in ~10 s, and always says "Reached", done. */
    public static AgentBehaviour typical() {
        return new AgentBehaviour(Distribution.uniform(Duration.ofSeconds(1), Duration.ofSeconds(3)),
                Distribution.uniform(Duration.ofSeconds(2), Duration.ofSeconds(8)),
                Distribution.uniform(Duration.ofSeconds(5), Duration.ofSeconds(15)), done("Reached"));
    }

    /**
     * Predictive agents sit on an open line ("nailed up"): a waiting customer is put through the
     * moment an agent is chosen, not after a ring the customer would hear as silence.
     */
    public AgentBehaviour answeringAtOnce() {
        return new AgentBehaviour(Distribution.constant(Duration.ZERO), thinkTime, dispositionDelay, classifier);
    }

    public AgentBehaviour classifying(Classifier newClassifier) {
        return new AgentBehaviour(answerDelay, thinkTime, dispositionDelay, newClassifier);
    }

    /** Every reached call is done, with {@code classification}. */
    public static Classifier done(String classification) {
        return (agent, call, now, random) -> new CallDisposition(classification, new CustomerInput.Done(), Map.of());
    }

    /**
     * A mix: with {@code callbackShare} a callback appointment {@code callbackIn} later, with
     * {@code doNotCallBackShare} do not call back, otherwise done.
     */
    public static Classifier mix(double callbackShare, Duration callbackIn, double doNotCallBackShare) {
        return (agent, call, now, random) -> {
            double draw = random.nextDouble();
            if (draw < callbackShare) {
                return new CallDisposition("Call back", new CustomerInput.CallbackAt(now.plus(callbackIn), agent), Map.of());
            }
            if (draw < callbackShare + doNotCallBackShare) {
                return new CallDisposition("Not interested", new CustomerInput.DoNotCallBack(), Map.of());
            }
            return new CallDisposition("Interested", new CustomerInput.Done(), Map.of());
        };
    }
}
