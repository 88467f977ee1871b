package dev.outdial.campaign.settings;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Codes of call classifications: upper-case ASCII words joined by "_", as integrations expect
 * them. An admin who types only a name (often Vietnamese) gets one made from it.
 */
final class ClassificationCodes {

    static final int MAX_LENGTH = 40;
    static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1," + MAX_LENGTH + "}");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^A-Z0-9]+");

    private ClassificationCodes() {
    }

    /** "Gọi lại sau" becomes GOI_LAI_SAU; the first free of it, GOI_LAI_SAU_2, ... is taken. */
    static String fromName(String name, Predicate<String> taken) {
        String ascii = MARKS.matcher(Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD))
                .replaceAll("");
        String code = SEPARATORS.matcher(ascii.toUpperCase(Locale.ROOT)).replaceAll("_").replaceAll("^_+|_+$", "");
        String base = code.isEmpty() ? "CLASSIFICATION" : code.substring(0, Math.min(code.length(), MAX_LENGTH - 4));
        String candidate = base;
        for (int n = 2; taken.test(candidate); n++) {
            candidate = base + "_" + n;
        }
        return candidate;
    }
}
