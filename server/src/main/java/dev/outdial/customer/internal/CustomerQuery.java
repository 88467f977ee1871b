package dev.outdial.customer.internal;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.outdial.customer.CustomerFilter;
import dev.outdial.shared.PhoneSearch;
import dev.outdial.shared.SqlLike;
import dev.outdial.shared.SqlTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The where-clause of a customer list page: fixed SQL fragments chosen by which filters are
 * given, every value a bind parameter. Keyset paging continues after the cursor's id.
 */
public final class CustomerQuery {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    private CustomerQuery() {
    }

    public static CustomerQuery of(long businessId, CustomerFilter filter, String defaultCountry, Long afterId,
                                   boolean ascending) {
        CustomerQuery query = new CustomerQuery();
        query.add("c.business_id = :business", "business", businessId);
        if (filter.campaignId() != null) {
            query.add("c.campaign_id = :campaign", "campaign", filter.campaignId());
        }
        if (notBlank(filter.campaignName())) {
            query.add("lower(k.name) like :campaignName escape '\\'", "campaignName",
                    SqlLike.contains(filter.campaignName().strip()));
        }
        if (notBlank(filter.name())) {
            String name = filter.name().strip();
            query.add("lower(c.name) like :name escape '\\'", "name",
                    SqlLike.hasWildcard(name) ? SqlLike.wildcard(name) : SqlLike.contains(name));
        }
        if (notBlank(filter.phone())) {
            query.phone(filter.phone().strip(), defaultCountry);
        }
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            query.add("c.status in (:statuses)", "statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        if (filter.addedFrom() != null) {
            query.add("c.added_at >= :addedFrom", "addedFrom", SqlTime.toSql(filter.addedFrom()));
        }
        if (filter.addedTo() != null) {
            query.add("c.added_at < :addedTo", "addedTo", SqlTime.toSql(filter.addedTo()));
        }
        if (filter.accountManagerId() != null) {
            query.add("c.account_manager_id = :manager", "manager", filter.accountManagerId());
        }
        if (filter.customerGroupId() != null) {
            query.add("c.customer_group_id = :group", "group", filter.customerGroupId());
        }
        if (afterId != null) {
            query.add(ascending ? "c.id > :after" : "c.id < :after", "after", afterId);
        }
        return query;
    }

    public String where() {
        return String.join(" and ", conditions);
    }

    public Map<String, Object> params() {
        return params;
    }

    /**
     * A phone pattern with wildcards is read like a number typed in national or international
     * form ("0912*", "+8491?345678", "0084*") and matched against the stored E.164 number.
     */
    private void phone(String typed, String defaultCountry) {
        if (SqlLike.hasWildcard(typed)) {
            String compact = typed.replaceAll("[^0-9*?+]", "");
            String international;
            if (compact.startsWith("+")) {
                international = compact.substring(1);
            } else if (compact.startsWith("00")) {
                international = compact.substring(2);
            } else if (compact.startsWith("0")) {
                international = PhoneNumberUtil.getInstance().getCountryCodeForRegion(defaultCountry)
                        + compact.substring(1);
            } else {
                international = compact;
            }
            // A pattern covers the whole number, so it is matched against the number dialed first.
            add("c.phone like :phone escape '\\'", "phone", "+" + SqlLike.wildcard(international.replace("+", "")));
            return;
        }
        PhoneSearch search = PhoneSearch.of(typed, defaultCountry);
        if (search.e164() != null) {
            add("(c.phone = :phone or c.other_phones like :otherPhone)", "phone", search.e164());
            params.put("otherPhone", "%" + search.e164() + "%");
        } else if (search.digitsPattern() != null) {
            add("(c.phone like :phone or c.other_phones like :phone)", "phone", search.digitsPattern());
        } else {
            conditions.add("1 = 0");
        }
    }

    private void add(String condition, String name, Object value) {
        conditions.add(condition);
        params.put(name, value);
    }

    private static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }
}
