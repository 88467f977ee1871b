package dev.outdial.contact.internal;

import dev.outdial.shared.PhoneSearch;
import dev.outdial.shared.SqlLike;
import java.util.HashMap;
import java.util.Map;

/**
 * The contact list's search box: part of a name or e-mail, an external ID, or a phone number typed
 * any usual way (normalised with the business's country, as it was when stored) or a part of one.
 */
public final class ContactSearch {

    private ContactSearch() {
    }

    public static ContactWhere of(String typed, String country) {
        if (typed == null || typed.isBlank()) {
            return ContactWhere.everyContact();
        }
        String text = typed.strip();
        PhoneSearch phone = PhoneSearch.of(text, country);
        Map<String, Object> params = new HashMap<>();
        params.put("qText", SqlLike.contains(text));
        params.put("qExact", text.toLowerCase(java.util.Locale.ROOT));
        StringBuilder sql = new StringBuilder("""
                lower(c.name) like :qText escape '\\' or lower(c.email) like :qText escape '\\'
                 or lower(c.external_id) = :qExact""");
        if (phone.e164() != null) {
            sql.append(" or exists (select 1 from contact_phone p where p.contact_id = c.id and p.number = :qPhone)");
            params.put("qPhone", phone.e164());
        } else if (phone.digits() != null) {
            sql.append(" or exists (select 1 from contact_phone p where p.contact_id = c.id and p.number like :qDigits)");
            params.put("qDigits", phone.digitsPattern());
        }
        return new ContactWhere(sql.toString(), params);
    }
}
