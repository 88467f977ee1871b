package dev.outdial.contact.internal;

import dev.outdial.contact.FilterOperator;
import dev.outdial.shared.Violations;
import java.util.ArrayList;
import java.util.List;

/**
 * A condition's value as texts: one for most operators, a list for IN, none for IS_EMPTY. JSON may
 * bring a number (an account manager's id) where text is expected; an object is never a value.
 */
final class FilterValues {

    private FilterValues() {
    }

    /** The values, or {@code null} after recording what is wrong with them under {@code at}. */
    static List<String> read(Object raw, FilterOperator operator, String at, Violations violations) {
        return switch (operator) {
            case IS_EMPTY -> violations.check(raw == null || raw instanceof String s && s.isBlank(), at,
                    "contact-filter.value.none") ? List.of() : null;
            case IN -> list(raw, at, violations);
            default -> {
                if (!violations.check(!(raw instanceof List<?>) && !(raw instanceof java.util.Map<?, ?>), at,
                        "contact-filter.value.single")) {
                    yield null;
                }
                String value = scalar(raw, at, violations);
                yield value == null ? null : List.of(value);
            }
        };
    }

    private static List<String> list(Object raw, String at, Violations violations) {
        if (!violations.check(raw instanceof List<?>, at, "contact-filter.value.list")) {
            return null;
        }
        List<?> given = (List<?>) raw;
        if (!violations.check(!given.isEmpty(), at, "validation.required")
                || !violations.check(given.size() <= FilterCompiler.MAX_VALUES, at, "contact-filter.value.too-many",
                FilterCompiler.MAX_VALUES)) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int j = 0; j < given.size(); j++) {
            Object item = given.get(j);
            String value = item instanceof List<?> || item instanceof java.util.Map<?, ?> ? null
                    : scalar(item, at + "[" + j + "]", violations);
            if (value == null && !violations.has(at + "[" + j + "]")) {
                violations.add(at + "[" + j + "]", "contact-filter.value.single");
            }
            values.add(value);
        }
        return values.contains(null) ? null : values;
    }

    private static String scalar(Object raw, String at, Violations violations) {
        String value = raw == null ? "" : raw.toString().strip();
        boolean valid = violations.check(!value.isEmpty(), at, "validation.required")
                && violations.check(value.length() <= FilterCompiler.MAX_VALUE_LENGTH, at, "validation.too-long",
                FilterCompiler.MAX_VALUE_LENGTH);
        return valid ? value : null;
    }
}
