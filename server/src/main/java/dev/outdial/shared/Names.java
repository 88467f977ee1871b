package dev.outdial.shared;

/** The rule every named settings object's name follows (scripts, hotlines, IVRs, queues, triggers...): present, and short enough for a list. */
public final class Names {

    public static final int MAX_LENGTH = 200;

    private Names() {
    }

    /** The name as it is stored (stripped), or {@code null} after recording what is wrong with it. */
    public static String check(String name, Violations violations) {
        String stripped = name == null ? "" : name.strip();
        boolean valid = violations.check(!stripped.isEmpty(), "name", "validation.required")
                && violations.check(stripped.length() <= MAX_LENGTH, "name", "validation.too-long", MAX_LENGTH);
        return valid ? stripped : null;
    }
}
