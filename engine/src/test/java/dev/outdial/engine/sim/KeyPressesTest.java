package dev.outdial.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyPressesTest {

    private static final Distribution TWO_SECONDS = Distribution.constant(Duration.ofSeconds(2));

    @Test
    void aNumberRulePressesItsKeysInOrderTheLongestSuffixWinning() {
        KeyPresses keys = new KeyPresses(Map.of(), TWO_SECONDS, Map.of("9", "1", "0009", "9#"));

        assertThat(keys.scriptedFor("+84900000009").orElseThrow()).containsExactly("9", "#");
        assertThat(keys.scriptedFor("+84900000019").orElseThrow()).containsExactly("1");
        assertThat(keys.scriptedFor("+84900000001")).isEmpty();
    }

    @Test
    void drawnKeysFollowTheirProbabilities() {
        KeyPresses keys = new KeyPresses(Map.of("1", 0.3, "2", 0.2), TWO_SECONDS, Map.of());
        Random random = new Random(42);
        int ones = 0;
        int twos = 0;
        int none = 0;
        for (int i = 0; i < 10_000; i++) {
            String key = keys.draw(random).orElse("");
            ones += key.equals("1") ? 1 : 0;
            twos += key.equals("2") ? 1 : 0;
            none += key.isEmpty() ? 1 : 0;
        }

        assertThat(ones).isBetween(2_800, 3_200);
        assertThat(twos).isBetween(1_800, 2_200);
        assertThat(none).isBetween(4_800, 5_200);
    }

    @Test
    void wrongSettingsAreNamed() {
        assertThatThrownBy(() -> new KeyPresses(Map.of("1", 0.7, "2", 0.5), TWO_SECONDS, Map.of()))
                .hasMessageContaining("add up to 1.2");
        assertThatThrownBy(() -> new KeyPresses(Map.of("12", 0.1), TWO_SECONDS, Map.of()))
                .hasMessageContaining("'12'");
        assertThatThrownBy(() -> new KeyPresses(Map.of(), TWO_SECONDS, Map.of("0009", "9a")))
                .hasMessageContaining("rule 0009");
    }
}
