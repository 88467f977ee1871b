package dev.outdial.contact.web;

import dev.outdial.contact.ContactDraft;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The contact form's repeated inputs ({@code ${@contactForms...}}): the phones and custom fields a
 * contact has, plus empty slots to add more without any script.
 */
@Component("contactForms")
public class ContactForms {

    static final int SPARE_SLOTS = 2;

    public List<String> phoneSlots(ContactDraft draft) {
        List<String> slots = new ArrayList<>(draft == null || draft.phones() == null ? List.of() : draft.phones());
        slots.addAll(java.util.Collections.nCopies(SPARE_SLOTS, ""));
        return slots;
    }

    public List<Map.Entry<String, String>> fieldSlots(ContactDraft draft) {
        List<Map.Entry<String, String>> slots = new ArrayList<>(
                draft == null || draft.fields() == null ? List.of() : draft.fields().entrySet());
        for (int i = 0; i < SPARE_SLOTS + 1; i++) {
            slots.add(new SimpleEntry<>("", ""));
        }
        return slots;
    }

    /** A submitted contact form; custom field names and values arrive as two parallel lists. */
    record Submitted(String name, List<String> phones, String email, String externalId, Long accountManagerId,
                     List<String> fieldNames, List<String> fieldValues) {

        ContactDraft draft() {
            Map<String, String> fields = new LinkedHashMap<>();
            List<String> names = fieldNames == null ? List.of() : fieldNames;
            for (int i = 0; i < names.size(); i++) {
                String value = fieldValues != null && i < fieldValues.size() ? fieldValues.get(i) : "";
                if (!names.get(i).isBlank() || !value.isBlank()) {
                    fields.put(names.get(i), value);
                }
            }
            return new ContactDraft(name, phones, email, externalId, accountManagerId, fields);
        }
    }
}
