package dev.outdial.contact;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A customer of the business's warehouse. {@code phones} are E.164, the first one primary;
 * {@code externalId} is the customer's ID in a CRM; {@code accountManagerId} is an agent;
 * {@code fields} are the business's own custom fields, by name.
 */
public record Contact(long id, String name, List<String> phones, String email, String externalId,
                      Long accountManagerId, Map<String, String> fields, Instant createdAt) {

    public Contact {
        phones = List.copyOf(phones);
        // Sorted by name, so the API and the pages show a contact's fields in a stable order.
        fields = Collections.unmodifiableSortedMap(new TreeMap<>(fields));
    }

    public String primaryPhone() {
        return phones.getFirst();
    }
}
