package dev.outdial.dialing.internal;

import dev.outdial.engine.sim.CarrierModel;
import dev.outdial.engine.sim.CarrierOutcome;
import dev.outdial.engine.sim.Distribution;
import dev.outdial.engine.sim.KeyPresses;
import dev.outdial.engine.sim.NumberRules;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code outdial.telephony.sim.*}: how the simulated carrier's customers behave (issue 5), by
 * default as {@link CarrierModel#typical()}. {@code rules} maps a number suffix to a fixed outcome,
 * e.g. {@code SPRING_APPLICATION_JSON='{"outdial":{"telephony":{"sim":{"rules":{"0001":"BUSY"}}}}}'};
 * the longest matching suffix wins.
 *
 * @param ringTime       median ring before a customer answers
 * @param talkTime       median conversation once answered
 * @param spread         how far durations scatter around their median (log-normal sigma; 0: always the median)
 * @param signalDelay    how long the network takes to report busy, refused, invalid or a network error
 * @param keyProbabilities autocall IVRs: the chance an answered customer presses each key when asked
 *                       ({@code {"1": 0.3, "2": 0.2}}; what is left to 1 presses nothing)
 * @param keyDelay       median time before the customer presses their key (scattered by {@code spread})
 * @param keyRules       per-number keys for demos and tests: a number suffix → the keys pressed, one per
 *                       question, e.g. {@code {"0009": "9", "0012": "2*"}}; the longest matching suffix wins
 * @param hotlineRules   per-hotline outcomes: a hotline suffix → the outcome of every call from it, e.g.
 *                       {@code {"0001": "HOTLINE_ERROR"}} for a broken trunk
 *
 * <p>Every value is checked when the application starts; a wrong one stops it with the reason.
 */
@ConfigurationProperties("outdial.telephony.sim")
public record SimTelephonyProperties(
        @DefaultValue("0.35") double answerProbability,
        @DefaultValue("0.10") double busyProbability,
        @DefaultValue("0.05") double refusalProbability,
        @DefaultValue("0.01") double invalidNumberProbability,
        @DefaultValue("0.01") double networkErrorProbability,
        @DefaultValue("8s") Duration ringTime,
        @DefaultValue("30s") Duration noAnswerTimeout,
        @DefaultValue("120s") Duration talkTime,
        @DefaultValue("0.5") double spread,
        @DefaultValue("2s") Duration signalDelay,
        Map<String, CarrierOutcome> rules,
        Map<String, Double> keyProbabilities,
        @DefaultValue("2s") Duration keyDelay,
        Map<String, String> keyRules,
        Map<String, CarrierOutcome> hotlineRules) {

    public SimTelephonyProperties {
        // Built once here so a wrong setting stops the start with its reason, not the first call.
        // (A compact constructor sees its parameters, not yet the fields: hence the static builders.)
        model(answerProbability, busyProbability, refusalProbability, invalidNumberProbability, networkErrorProbability,
                ringTime, noAnswerTimeout, talkTime, spread, signalDelay, rules);
        keyPresses(keyProbabilities, keyDelay, spread, keyRules);
        hotlineRules(hotlineRules);
    }

    public KeyPresses keyPresses() {
        return keyPresses(keyProbabilities, keyDelay, spread, keyRules);
    }

    public NumberRules hotlineOutcomes() {
        return hotlineRules(hotlineRules);
    }

    private static KeyPresses keyPresses(Map<String, Double> probabilities, Duration delay, double spread,
                                         Map<String, String> rules) {
        return new KeyPresses(probabilities == null ? Map.of() : probabilities, Distribution.logNormal(delay, spread),
                rules == null ? Map.of() : rules);
    }

    private static NumberRules hotlineRules(Map<String, CarrierOutcome> rules) {
        return new NumberRules(rules == null ? Map.of() : rules);
    }

    public CarrierModel model() {
        return model(answerProbability, busyProbability, refusalProbability, invalidNumberProbability,
                networkErrorProbability, ringTime, noAnswerTimeout, talkTime, spread, signalDelay, rules);
    }

    private static CarrierModel model(double answer, double busy, double refusal, double invalid, double networkError,
                                      Duration ringTime, Duration noAnswerTimeout, Duration talkTime, double spread,
                                      Duration signalDelay, Map<String, CarrierOutcome> rules) {
        return new CarrierModel(answer, busy, refusal, invalid, networkError, Distribution.logNormal(ringTime, spread),
                noAnswerTimeout, Distribution.logNormal(talkTime, spread), Distribution.constant(signalDelay),
                new NumberRules(rules == null ? Map.of() : rules));
    }
}
