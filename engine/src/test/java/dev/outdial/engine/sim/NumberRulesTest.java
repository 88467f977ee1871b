package dev.outdial.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NumberRulesTest {

    @Test
    void longestMatchingSuffixWins() {
        NumberRules rules = new NumberRules(Map.of("1", CarrierOutcome.BUSY, "0001", CarrierOutcome.NOANSWER,
                "21", CarrierOutcome.ANSWER));

        assertThat(rules.outcomeFor("+84280000001")).contains(CarrierOutcome.NOANSWER);
        assertThat(rules.outcomeFor("+84280000021")).contains(CarrierOutcome.ANSWER);
        assertThat(rules.outcomeFor("+84280000031")).contains(CarrierOutcome.BUSY);
        assertThat(rules.outcomeFor("+84280000030")).isEmpty();
    }

    @Test
    void suffixMustBeDigits() {
        assertThatThrownBy(() -> new NumberRules(Map.of("12a", CarrierOutcome.BUSY)))
                .hasMessageContaining("'12a'");
    }
}
