package dev.outdial.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConcurrencyLimitTest {

    ConcurrencyLimit contractOfTen = new ConcurrencyLimit(10);

    @Test
    void contractLimitIsNeverExceeded() {
        assertThat(contractOfTen.allowsAnotherCall(9)).isTrue();
        assertThat(contractOfTen.allowsAnotherCall(10)).isFalse();
    }

    @Test
    void freeLinesAreWhatIsLeftOfTheContract() {
        assertThat(contractOfTen.freeLines(7)).isEqualTo(3);
        assertThat(contractOfTen.freeLines(12)).as("over the limit after a contract change").isZero();
    }

    @Test
    void contractWithoutLinesIsRejected() {
        assertThatThrownBy(() -> new ConcurrencyLimit(0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> contractOfTen.changeTo(0)).hasMessageContaining("at least 1");
        assertThat(contractOfTen.contractLimit()).isEqualTo(10);
    }

    @Test
    void aChangedContractDecidesTheNextCall() {
        contractOfTen.changeTo(12);
        assertThat(contractOfTen.allowsAnotherCall(11)).isTrue();
        assertThat(contractOfTen.freeLines(7)).isEqualTo(5);

        contractOfTen.changeTo(5);
        assertThat(contractOfTen.allowsAnotherCall(5)).isFalse();
        assertThat(contractOfTen.freeLines(7)).as("calls above a lowered limit finish; none starts").isZero();
    }
}
