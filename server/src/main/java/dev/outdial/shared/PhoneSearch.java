package dev.outdial.shared;

/**
 * What a person types into a search box to find a phone number, read the way the number was
 * stored: a whole number typed any usual way ("0912 345 678") is normalised with the business's
 * country and matched exactly; a fragment ("345 678") is matched by its digits anywhere in the
 * E.164 form, a national trunk "0" in front dropped (stored numbers carry the country code instead).
 */
public record PhoneSearch(String e164, String digits) {

    public static PhoneSearch of(String typed, String defaultCountry) {
        if (typed == null || typed.isBlank()) {
            return new PhoneSearch(null, null);
        }
        String e164 = PhoneNumbers.toE164(typed, defaultCountry, "q", new Violations());
        // Only text made of phone characters is a fragment of a number: "Nguyễn 2" is a name.
        String digits = typed.strip().matches("[\\d\\s+().\\-]+") ? typed.replaceAll("\\D", "") : "";
        if (digits.startsWith("0") && !digits.startsWith("00")) {
            digits = digits.substring(1);
        }
        return new PhoneSearch(e164, digits.isEmpty() ? null : digits);
    }

    /** A LIKE pattern for the digits fragment, or {@code null} when the text had no digit. */
    public String digitsPattern() {
        return digits == null ? null : "%" + digits + "%";
    }
}
