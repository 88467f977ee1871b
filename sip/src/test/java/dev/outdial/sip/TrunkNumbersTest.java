package dev.outdial.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TrunkNumbersTest {

    @ParameterizedTest
    @CsvSource({
            "e164,     +84912345678, +84912345678",
            "digits,   +84912345678, 84912345678",
            "00,       +84912345678, 0084912345678",
            "national, +84912345678, 0912345678",
            "national, +12015550123, 2015550123",
            "national, +4930555123,  030555123",
            "NATIONAL, +842873000001, 02873000001"})
    void eachFormatWritesTheNumberAsACarrierOfThatKindDialsIt(String format, String e164, String written) {
        TrunkNumbers numbers = new TrunkNumbers(TrunkNumbers.Format.of(format), "");

        assertThat(numbers.dialed(e164)).isEqualTo(written);
        assertThat(numbers.callerId(e164)).isEqualTo(written);
    }

    @Test
    void theDialPrefixGoesBeforeTheNumberDialedOnly() {
        TrunkNumbers numbers = new TrunkNumbers(TrunkNumbers.Format.DIGITS, "1010#");

        assertThat(numbers.dialed("+84912345678")).isEqualTo("1010#84912345678");
        assertThat(numbers.callerId("+842873000001")).isEqualTo("842873000001");
    }

    @Test
    void whatIsNotE164IsPassedOnAsItIs() {
        assertThat(new TrunkNumbers(TrunkNumbers.Format.NATIONAL, "").callerId("anonymous")).isEqualTo("anonymous");
    }

    @Test
    void anUnknownFormatOrABadPrefixIsRefusedNamingWhatIsAllowed() {
        assertThatThrownBy(() -> TrunkNumbers.Format.of("E.164")).hasMessage("must be e164, digits, 00 or national, not 'E.164'");
        assertThatThrownBy(() -> new TrunkNumbers(TrunkNumbers.Format.E164, "9 9"))
                .hasMessageContaining("at most 16 digits, * and #");
        assertThatThrownBy(() -> new TrunkNumbers(TrunkNumbers.Format.E164, "1".repeat(17)))
                .hasMessageContaining("at most 16");
    }
}
