package dev.outdial.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outdial.bench.pacing.LimitsFuzz;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void anOptionGivesTheValueAfterIt() {
        assertThat(BenchOptions.valueOf(new String[] {"--seeds", "5", "--seed", "2"}, 2)).isEqualTo("2");
    }

    @Test
    void anOptionLastOnTheLineWithoutAValueIsRefusedNotIgnored() {
        assertThatThrownBy(() -> LimitsFuzz.main(new String[] {"--scenarios", "1", "--seeds"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("option --seeds needs a value");
    }
}
