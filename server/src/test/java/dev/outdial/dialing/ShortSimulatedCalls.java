package dev.outdial.dialing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The simulated carrier with calls of a fraction of a second, whose numbers behave by their last
 * digits: 0001 busy, 0002 no answer, 0003 answers and talks 1.5 s, time enough for an agent to pick
 * up their ringing leg. One set of properties, so the test classes that use it share one
 * application; a class that needs other carrier rules (longer talks, say) adds its own
 * {@link CarrierRules}, set on the running carrier before its tests. Every class here starts from
 * these rules, whatever the class before it set.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = {
        "outdial.telephony.sim.rules.0001=BUSY",
        "outdial.telephony.sim.rules.0002=NOANSWER",
        "outdial.telephony.sim.rules.0003=ANSWER",
        "outdial.telephony.sim.signal-delay=50ms",
        "outdial.telephony.sim.ring-time=50ms",
        "outdial.telephony.sim.talk-time=1500ms",
        "outdial.telephony.sim.no-answer-timeout=200ms",
        "outdial.telephony.sim.spread=0",
        "outdial.dialing.no-answer-timeout=200ms"})
@CarrierRules
@interface ShortSimulatedCalls {
}
