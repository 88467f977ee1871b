package dev.outdial.contact.internal;

import dev.outdial.contact.ContactDraft;
import dev.outdial.shared.PhoneNumbers;
import dev.outdial.shared.Violations;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a contact must be (SPEC §3): a name, one to {@value #MAX_PHONES} phone numbers that parse
 * for the business's country ("rejected with a reason, never silently dropped"), a plausible
 * e-mail, and custom fields within limits a spreadsheet row would never reach.
 */
public final class ContactRules {

    public static final int MAX_NAME = 200;
    public static final int MAX_PHONES = 10;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_EXTERNAL_ID = 100;
    public static final int MAX_FIELDS = 50;
    public static final int MAX_FIELD_NAME = 64;
    public static final int MAX_FIELD_VALUE = 1000;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private ContactRules() {
    }

    /** The contact as stored, or {@code null} after recording every broken rule by field name. */
    public static ValidContact check(ContactDraft draft, String country, Violations violations) {
        String name = text(draft.name());
        if (violations.check(name != null, "name", "validation.required")) {
            violations.check(name.length() <= MAX_NAME, "name", "validation.too-long", MAX_NAME);
        }
        List<String> phones = phones(draft.phones(), country, violations);
        String email = text(draft.email());
        if (email != null) {
            violations.check(email.length() <= MAX_EMAIL && EMAIL.matcher(email).matches(), "email",
                    "contact.email.invalid", email);
        }
        String externalId = text(draft.externalId());
        violations.check(externalId == null || externalId.length() <= MAX_EXTERNAL_ID, "externalId",
                "validation.too-long", MAX_EXTERNAL_ID);
        Map<String, String> fields = fields(draft.fields(), violations);
        return violations.isEmpty()
                ? new ValidContact(name, phones, email, externalId, draft.accountManagerId(), fields)
                : null;
    }

    /** The first number is the primary one; a number typed twice is kept once, where it first came. */
    private static List<String> phones(List<String> typed, String country, Violations violations) {
        List<String> given = typed == null ? List.of() : typed.stream().filter(p -> p != null && !p.isBlank()).toList();
        if (!violations.check(!given.isEmpty(), "phones", "validation.required")
                || !violations.check(given.size() <= MAX_PHONES, "phones", "contact.phones.too-many", MAX_PHONES)) {
            return List.of();
        }
        Set<String> phones = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String e164 = PhoneNumbers.toE164(given.get(i), country, "phones[" + i + "]", violations);
            if (e164 != null) {
                phones.add(e164);
            }
        }
        return new ArrayList<>(phones);
    }

    /** An empty value means the field is absent, so "is empty" has one meaning in filters. */
    private static Map<String, String> fields(Map<String, String> typed, Violations violations) {
        Map<String, String> fields = new TreeMap<>();
        if (typed == null) {
            return fields;
        }
        violations.check(typed.size() <= MAX_FIELDS, "fields", "contact.fields.too-many", MAX_FIELDS);
        typed.forEach((rawName, rawValue) -> {
            String name = text(rawName);
            String value = text(rawValue);
            String field = "fields." + (name == null ? "" : name);
            if (violations.check(name != null, field, "contact.field.name-required")
                    && violations.check(name.length() <= MAX_FIELD_NAME, field, "contact.field.name-too-long",
                    MAX_FIELD_NAME)
                    && value != null
                    && violations.check(value.length() <= MAX_FIELD_VALUE, field, "validation.too-long",
                    MAX_FIELD_VALUE)) {
                fields.put(name, value);
            }
        });
        return fields;
    }

    private static String text(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }
}
