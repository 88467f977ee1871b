package dev.outdial.sip.signal;

import static dev.outdial.engine.customer.CallResult.BUSY;
import static dev.outdial.engine.customer.CallResult.NETWORK_ERROR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outdial.engine.customer.CallResult;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ResponseResultsTest {

    @ParameterizedTest(name = "{0} after ringing {1} is {2}")
    @CsvSource({
            "486, true, BUSY", "600, false, BUSY",
            "480, true, NOANSWER", "480, false, NOANSWER", "408, true, NOANSWER", "487, true, NOANSWER",
            "408, false, NETWORK_ERROR",
            "603, true, REFUSAL", "607, false, REFUSAL",
            "404, false, INVALID_NUMBER", "484, false, INVALID_NUMBER", "410, false, INVALID_NUMBER",
            "485, false, INVALID_NUMBER", "604, false, INVALID_NUMBER",
            "403, false, HOTLINE_ERROR", "488, false, HOTLINE_ERROR", "415, false, HOTLINE_ERROR",
            "420, false, HOTLINE_ERROR", "421, false, HOTLINE_ERROR", "608, false, HOTLINE_ERROR",
            "401, false, HOTLINE_ERROR", "407, false, HOTLINE_ERROR",
            "500, false, NETWORK_ERROR", "502, false, NETWORK_ERROR", "503, true, NETWORK_ERROR", "504, false, NETWORK_ERROR",
    })
    void eachRowOfTheTable(int status, boolean afterRinging, CallResult expected) {
        assertThat(ResponseResults.resultOf(status, afterRinging, OptionalInt.empty())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "unlisted {0} is {1}")
    @CsvSource({"302, HOTLINE_ERROR", "405, HOTLINE_ERROR", "499, HOTLINE_ERROR", "501, NETWORK_ERROR",
            "580, NETWORK_ERROR", "699, REFUSAL", "606, HOTLINE_ERROR"})
    void codesTheTableDoesNotNameAreReadByClass(int status, CallResult expected) {
        assertThat(ResponseResults.resultOf(status, false, OptionalInt.empty())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "Q.850 cause {1} turns {0} into {2}")
    @CsvSource({"503, 17, BUSY", "480, 17, BUSY", "404, 18, NOANSWER", "603, 19, NOANSWER",
            "480, 1, INVALID_NUMBER", "503, 28, INVALID_NUMBER"})
    void aQ850CauseOverridesTheStatus(int status, int cause, CallResult expected) {
        assertThat(ResponseResults.resultOf(status, false, OptionalInt.of(cause))).isEqualTo(expected);
    }

    @Test
    void aCauseWithoutAMeaningHereLeavesTheStatusToDecide() {
        assertThat(ResponseResults.resultOf(486, true, OptionalInt.of(16))).isEqualTo(BUSY);
        assertThat(ResponseResults.resultOf(503, true, OptionalInt.of(34))).isEqualTo(NETWORK_ERROR);
    }

    @Test
    void onlyFinalFailuresHaveAResult() {
        assertThatThrownBy(() -> ResponseResults.resultOf(200, true, OptionalInt.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResponseResults.resultOf(183, true, OptionalInt.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

}
