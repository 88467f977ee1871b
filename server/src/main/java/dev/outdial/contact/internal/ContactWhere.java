package dev.outdial.contact.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * A condition on contacts (table alias {@code c}) with its bound parameters. Its SQL text is only
 * ever written by this module's code from whitelisted columns; what users type travels as
 * parameters, never inside the text.
 */
public record ContactWhere(String sql, Map<String, Object> params) {

    public ContactWhere {
        params = Map.copyOf(params);
    }

    public static ContactWhere everyContact() {
        return new ContactWhere("1 = 1", Map.of());
    }

    public static ContactWhere ids(java.util.Collection<Long> ids) {
        return new ContactWhere("c.id in (:ids)", Map.of("ids", ids));
    }

    public static ContactWhere inGroup(long groupId) {
        return new ContactWhere("exists (select 1 from contact_group_member m where m.group_id = :groupId"
                + " and m.contact_id = c.id)", Map.of("groupId", groupId));
    }

    public ContactWhere and(ContactWhere other) {
        Map<String, Object> both = new HashMap<>(params);
        both.putAll(other.params);
        return new ContactWhere("(" + sql + ") and (" + other.sql + ")", both);
    }
}
