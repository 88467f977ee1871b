package dev.outdial.dialing.internal;

import dev.outdial.engine.sim.CarrierModel;
import dev.outdial.engine.sim.CarrierOutcome;
import dev.outdial.engine.sim.Distribution;
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
        Map<String, CarrierOutcome> rules) {

    public CarrierModel model() {
        return new CarrierModel(answerProbability, busyProbability, refusalProbability, invalidNumberProbability,
                networkErrorProbability, Distribution.logNormal(ringTime, spread), noAnswerTimeout,
                Distribution.logNormal(talkTime, spread), Distribution.constant(signalDelay),
                new NumberRules(rules == null ? Map.of() : rules));
    }
}
