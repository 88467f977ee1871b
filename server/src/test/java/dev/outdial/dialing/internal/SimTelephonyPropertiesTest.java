package dev.outdial.dialing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outdial.engine.sim.CarrierOutcome;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The simulated carrier's key presses and hotline rules ({@code outdial.telephony.sim}); a wrong one
 * is refused when the properties are bound, so the application does not start and says why.
 */
class SimTelephonyPropertiesTest {

    private static SimTelephonyProperties sim(Map<String, Double> keyProbabilities, Map<String, String> keyRules,
                                              Map<String, CarrierOutcome> hotlineRules) {
        return new SimTelephonyProperties(0.35, 0.10, 0.05, 0.01, 0.01, Duration.ofSeconds(8), Duration.ofSeconds(30),
                Duration.ofSeconds(120), 0.5, Duration.ofSeconds(2), Map.of(), keyProbabilities, Duration.ofSeconds(2),
                keyRules, hotlineRules);
    }

    @Test
    void keyPressesAndHotlineRulesAreRead() {
        SimTelephonyProperties sim = sim(Map.of("1", 0.3), Map.of("0009", "9#"),
                Map.of("0001", CarrierOutcome.HOTLINE_ERROR));

        assertThat(sim.keyPresses().scriptedFor("+84900000009").orElseThrow()).containsExactly("9", "#");
        assertThat(sim.hotlineOutcomes().outcomeFor("+842800000001")).contains(CarrierOutcome.HOTLINE_ERROR);
    }

    @Test
    void unsetKeySettingsMeanCustomersPressNothing() {
        SimTelephonyProperties sim = sim(null, null, null);

        assertThat(sim.keyPresses().scriptedFor("+84900000009")).isEmpty();
        assertThat(sim.hotlineOutcomes().outcomeFor("+842800000001")).isEmpty();
    }

    @Test
    void keyProbabilitiesAboveOneAreRefusedWithTheReason() {
        assertThatThrownBy(() -> sim(Map.of("1", 0.8, "2", 0.4), null, null))
                .hasMessageContaining("the key probabilities add up to");
    }

    @Test
    void aKeyRuleWithAWrongKeyIsRefusedWithTheReason() {
        assertThatThrownBy(() -> sim(null, Map.of("0009", "9x"), null)).hasMessageContaining("the keys of rule 0009");
    }
}
