package dev.outdial.sip;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the carrier wants the numbers of a call written: the number dialed (Request-URI and To) and the caller ID
 * (From and P-Asserted-Identity). Carriers differ: many take E.164 with its plus, some only digits, some the
 * national form a phone on their network would dial, and some route by a prefix in front of the number dialed.
 *
 * @param format     how a number is written
 * @param dialPrefix put in front of the number dialed (not the caller ID): digits, {@code *} and {@code #}; may be empty
 */
public record TrunkNumbers(Format format, String dialPrefix) {

    private static final Pattern PREFIX = Pattern.compile("[0-9*#]{0,16}");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    /** As the engine hands every adapter the numbers: E.164 with its plus, no prefix. */
    public static final TrunkNumbers E164 = new TrunkNumbers(Format.E164, "");

    public TrunkNumbers {
        Objects.requireNonNull(format, "format");
        if (dialPrefix == null || !PREFIX.matcher(dialPrefix).matches()) {
            throw new IllegalArgumentException("a dial prefix is at most 16 digits, * and #, not '" + dialPrefix + "'");
        }
    }

    /** The ways a number is written, e.g. for +84 91 234 5678. */
    public enum Format {
        /** {@code +84912345678} */
        E164("e164"),
        /** {@code 84912345678}: E.164 without its plus. */
        DIGITS("digits"),
        /** {@code 0084912345678}: the international call prefix most of the world dials. */
        INTERNATIONAL_00("00"),
        /** {@code 0912345678}: as dialed within the number's own country, with its trunk prefix. */
        NATIONAL("national");

        private final String setting;

        Format(String setting) {
            this.setting = setting;
        }

        /** How it is written in {@code outdial.telephony.sip.trunk.number-format}. */
        public String setting() {
            return setting;
        }

        /** The format written {@code typed}, in any case; an {@link IllegalArgumentException} naming the choices. */
        public static Format of(String typed) {
            for (Format format : values()) {
                if (format.setting.equals(typed == null ? null : typed.trim().toLowerCase(Locale.ROOT))) {
                    return format;
                }
            }
            throw new IllegalArgumentException("must be e164, digits, 00 or national, not '" + typed + "'");
        }
    }

    /** The number to dial, {@code e164} as the carrier wants it, after the dial prefix. */
    public String dialed(String e164) {
        return dialPrefix + written(e164);
    }

    /** The caller ID {@code e164} as the carrier wants it. */
    public String callerId(String e164) {
        return written(e164);
    }

    private String written(String e164) {
        if (!e164.startsWith("+")) {
            return e164; // not E.164 (a test's name, a withheld number): passed on as it is
        }
        return switch (format) {
            case E164 -> e164;
            case DIGITS -> e164.substring(1);
            case INTERNATIONAL_00 -> "00" + e164.substring(1);
            case NATIONAL -> national(e164);
        };
    }

    private static String national(String e164) {
        try {
            PhoneNumber number = PHONES.parse(e164, null);
            return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.NATIONAL).replaceAll("[^0-9]", "");
        } catch (NumberParseException unparsable) {
            return e164.substring(1);
        }
    }
}
