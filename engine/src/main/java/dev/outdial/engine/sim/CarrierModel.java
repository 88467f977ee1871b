package dev.outdial.engine.sim;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * How the simulated carrier's customers behave ({@code outdial.telephony.sim}): the chance of each
 * outcome (what is left to 1 does not answer), how long a phone rings before it is answered, after
 * how long an unanswered phone gives up, how long an answered customer talks, and how long the
 * network takes to signal a failure, and, when given, how long an answered customer stays on the line
 * waiting to be connected to an agent before hanging up (predictive's silent wait). Per-number {@link NumberRules} override the drawn outcome.
 */
public record CarrierModel(
        double answerProbability,
        double busyProbability,
        double refusalProbability,
        double invalidNumberProbability,
        double networkErrorProbability,
        Distribution ringBeforeAnswer,
        Duration noAnswerTimeout,
        Distribution talkTime,
        Distribution signalDelay,
        NumberRules rules,
        Optional<Distribution> patience) {

    /** Customers who wait for an agent as long as it takes. */
    public CarrierModel(double answerProbability, double busyProbability, double refusalProbability,
                        double invalidNumberProbability, double networkErrorProbability, Distribution ringBeforeAnswer,
                        Duration noAnswerTimeout, Distribution talkTime, Distribution signalDelay, NumberRules rules) {
        this(answerProbability, busyProbability, refusalProbability, invalidNumberProbability, networkErrorProbability,
                ringBeforeAnswer, noAnswerTimeout, talkTime, signalDelay, rules, Optional.empty());
    }

    public CarrierModel {
        requireProbability(answerProbability, "answerProbability");
        requireProbability(busyProbability, "busyProbability");
        requireProbability(refusalProbability, "refusalProbability");
        requireProbability(invalidNumberProbability, "invalidNumberProbability");
        requireProbability(networkErrorProbability, "networkErrorProbability");
        double sum = answerProbability + busyProbability + refusalProbability + invalidNumberProbability
                + networkErrorProbability;
        if (sum > 1 + 1e-9) {
            throw new IllegalArgumentException("the outcome probabilities add up to " + sum + ", more than 1");
        }
        Objects.requireNonNull(ringBeforeAnswer, "ringBeforeAnswer");
        Objects.requireNonNull(noAnswerTimeout, "noAnswerTimeout");
        Objects.requireNonNull(talkTime, "talkTime");
        Objects.requireNonNull(signalDelay, "signalDelay");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(patience, "patience");
    }

    /** A plausible default for demos: a third answer after ~8 s, talk ~2 min. */
    public static CarrierModel typical() {
        return new CarrierModel(0.35, 0.10, 0.05, 0.01, 0.01,
                Distribution.logNormal(Duration.ofSeconds(8), 0.5), Duration.ofSeconds(30),
                Distribution.logNormal(Duration.ofSeconds(120), 0.6), Distribution.constant(Duration.ofSeconds(2)),
                NumberRules.none());
    }

    public CarrierModel withRules(NumberRules newRules) {
        return new CarrierModel(answerProbability, busyProbability, refusalProbability, invalidNumberProbability,
                networkErrorProbability, ringBeforeAnswer, noAnswerTimeout, talkTime, signalDelay, newRules, patience);
    }

    /** Customers who hang up after {@code waitingPatience} on the line with no agent. */
    public CarrierModel withPatience(Distribution waitingPatience) {
        return new CarrierModel(answerProbability, busyProbability, refusalProbability, invalidNumberProbability,
                networkErrorProbability, ringBeforeAnswer, noAnswerTimeout, talkTime, signalDelay, rules,
                Optional.of(waitingPatience));
    }

    /** The same customers at another time of day, when more or fewer of them pick up. */
    public CarrierModel withAnswerProbability(double probability) {
        return new CarrierModel(probability, busyProbability, refusalProbability, invalidNumberProbability,
                networkErrorProbability, ringBeforeAnswer, noAnswerTimeout, talkTime, signalDelay, rules, patience);
    }

    /** The outcome of a call to {@code number}: its rule's if one matches, else drawn from the probabilities. */
    public CarrierOutcome outcomeFor(String number, Random random) {
        double draw = random.nextDouble();
        return rules.outcomeFor(number).orElseGet(() -> drawn(draw));
    }

    private CarrierOutcome drawn(double draw) {
        double[] thresholds = {answerProbability, busyProbability, refusalProbability, invalidNumberProbability,
                networkErrorProbability};
        CarrierOutcome[] outcomes = {CarrierOutcome.ANSWER, CarrierOutcome.BUSY, CarrierOutcome.REFUSAL,
                CarrierOutcome.INVALID_NUMBER, CarrierOutcome.NETWORK_ERROR};
        double upTo = 0;
        for (int i = 0; i < outcomes.length; i++) {
            upTo += thresholds[i];
            if (draw < upTo) {
                return outcomes[i];
            }
        }
        return CarrierOutcome.NOANSWER;
    }

    private static void requireProbability(double probability, String name) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + probability);
        }
    }
}
