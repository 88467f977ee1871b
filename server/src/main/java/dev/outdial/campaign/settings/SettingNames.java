package dev.outdial.campaign.settings;

import dev.outdial.shared.Violations;

/** The rule every settings object's name follows: present, and short enough for a list. */
final class SettingNames {

    static final int MAX_LENGTH = 200;

    private SettingNames() {
    }

    /** The name as it is stored (stripped), or {@code null} after recording what is wrong with it. */
    static String check(String name, Violations violations) {
        String stripped = name == null ? "" : name.strip();
        boolean valid = violations.check(!stripped.isEmpty(), "name", "validation.required")
                && violations.check(stripped.length() <= MAX_LENGTH, "name", "validation.too-long", MAX_LENGTH);
        return valid ? stripped : null;
    }
}
