package dev.outdial.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.regex.Pattern;

/**
 * Phone numbers as people type them, stored as E.164 (SPEC §3): with or without {@code +}, a
 * leading {@code 00}, spaces, dots, dashes, parentheses, or in national format read in the
 * business's default country. A number that is not possible for its country, or that has an
 * extension ("ext 5"), is rejected with the reason, never silently dropped or shortened.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /** Compiled once: a million-row import normalises a million numbers (issue 18). */
    private static final Pattern PUNCTUATION = Pattern.compile("[\\s.()\\-]");

    private PhoneNumbers() {
    }

    /**
     * The E.164 form of {@code typed}, or {@code null} after recording under {@code field} why it
     * is not a number (message key {@code phone.<reason>}, with the input as argument).
     */
    public static String toE164(String typed, String defaultCountry, String field, Violations violations) {
        if (!violations.check(typed != null && !typed.isBlank(), field, "validation.required")) {
            return null;
        }
        String input = typed.strip();
        try {
            PhoneNumber number = PHONES.parse(internationalPrefixAsPlus(input), defaultCountry);
            if (number.hasExtension()) {
                // E.164 has no room for an extension and the dialer no way to dial one: refused
                // with the reason rather than stored without it.
                violations.add(field, "phone.HAS_EXTENSION", input);
                return null;
            }
            ValidationResult possible = PHONES.isPossibleNumberWithReason(number);
            if (possible == ValidationResult.IS_POSSIBLE) {
                return PHONES.format(number, PhoneNumberFormat.E164);
            }
            violations.add(field, "phone." + possible.name(), input);
        } catch (NumberParseException unparsable) {
            violations.add(field, "phone." + unparsable.getErrorType().name(), input);
        }
        return null;
    }

    /**
     * "00" is the international prefix of most of the world (Vietnam's included) but not of every
     * default country, so it is read as "+" whatever the business's country.
     */
    private static String internationalPrefixAsPlus(String input) {
        String compact = PUNCTUATION.matcher(input).replaceAll("");
        return compact.startsWith("00") ? "+" + compact.substring(2) : input;
    }
}
