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
 * given, every value a bind parameter. Keyset paging continues after the cursor's id. The scope
 * (business, campaign, cursor or start) is kept apart from the searches, so a page can first walk the
 * scope's next customers in order on its own index ({@link CustomerListReader}).
 */
public final class CustomerQuery {

    private final List<String> scope = new ArrayList<>();
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();
    private final boolean ascending;
    private final boolean oneCampaign;
    private boolean bounded;
    private boolean unanchored;

    private CustomerQuery(boolean ascending, boolean oneCampaign) {
        this.ascending = ascending;
        this.oneCampaign = oneCampaign;
    }

    public static CustomerQuery of(long businessId, CustomerFilter filter, String defaultCountry, Long afterId,
                                   boolean ascending) {
        CustomerQuery query = new CustomerQuery(ascending, filter.campaignId() != null);
        query.scope("c.business_id = :business", "business", businessId);
        if (filter.campaignId() != null) {
            query.scope("c.campaign_id = :campaign", "campaign", filter.campaignId());
        }
        if (afterId != null) {
            query.scope(ascending ? "c.id > :after" : "c.id < :after", "after", afterId);
            query.bounded = true;
        }
        if (notBlank(filter.campaignName())) {
            query.add("lower(k.name) like :campaignName escape '\\'", "campaignName",
                    SqlLike.contains(filter.campaignName().strip()));
        }
        if (notBlank(filter.name())) {
            String name = filter.name().strip();
            query.pattern("lower(c.name) like :name escape '\\'", "name",
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
        return query;
    }

    /** The whole condition: scope and searches. */
    public String where() {
        List<String> all = new ArrayList<>(scope);
        all.addAll(conditions);
        return String.join(" and ", all);
    }

    /**
     * The scope written so that only its own index, (business, campaign, id) or (business, id), gives its customers
     * in the list's order: the innermost key as a range of one value, and the order led by it (see
     * {@link #orderOnItsIndex}). Written as equalities, the business and the campaign are constants to PostgreSQL, so
     * the order is the id's alone, which the primary key gives too; for a campaign holding much of the table it walks
     * the primary key, filtering, guessing the campaign's customers come at once, and passes every other business's
     * customers before them: 3 million rows and 0.44-0.78 s for the first page of a 10-million-customer campaign
     * imported after three others (issue 18). Only for walks of ids along that index: PostgreSQL may misjudge how many
     * rows a one-value range holds, which a walk does not mind but a page's choice of plan would.
     */
    public String scopeOnItsIndex() {
        List<String> walk = new ArrayList<>(scope);
        walk.set(oneCampaign ? 1 : 0, oneCampaign
                ? "c.campaign_id between :campaign and :campaign" : "c.business_id between :business and :business");
        return String.join(" and ", walk);
    }

    /** The order of {@link #scopeOnItsIndex}: the list's, led by the scope's innermost key. */
    public String orderOnItsIndex() {
        String direction = ascending ? " asc" : " desc";
        return (oneCampaign ? "c.campaign_id" : "c.business_id") + direction + ", c.id" + direction;
    }

    /** Whether the scope has a bound by id: the cursor's, or where {@link #startAt} set the start. */
    public boolean bounded() {
        return bounded;
    }

    /**
     * Starts the list at this customer, the scope's first in its order: a walk of the primary key then begins among
     * the scope's own customers rather than before every other business's.
     */
    public void startAt(long id) {
        scope(ascending ? "c.id >= :start" : "c.id <= :start", "start", id);
        bounded = true;
    }

    public Map<String, Object> params() {
        return params;
    }

    public boolean ascending() {
        return ascending;
    }

    /**
     * Whether a name or phone pattern has no fixed start (a wildcard in front, or a name or digits
     * matched anywhere): no b-tree range serves it, only a trigram index or a walk through the rows.
     */
    public boolean unanchored() {
        return unanchored;
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
            pattern("c.phone like :phone escape '\\'", "phone", "+" + SqlLike.wildcard(international.replace("+", "")));
            return;
        }
        PhoneSearch search = PhoneSearch.of(typed, defaultCountry);
        if (search.e164() != null) {
            add("(c.phone = :phone or c.other_phones like :otherPhone)", "phone", search.e164());
            params.put("otherPhone", "%" + search.e164() + "%");
        } else if (search.digitsPattern() != null) {
            pattern("(c.phone like :phone or c.other_phones like :phone)", "phone", search.digitsPattern());
        } else {
            conditions.add("1 = 0");
        }
    }

    private void scope(String condition, String name, Object value) {
        scope.add(condition);
        params.put(name, value);
    }

    private void add(String condition, String name, Object value) {
        conditions.add(condition);
        params.put(name, value);
    }

    /** A LIKE condition; a pattern is unanchored when it starts with a wildcard (after a phone's "+"). */
    private void pattern(String condition, String name, String likePattern) {
        add(condition, name, likePattern);
        String start = likePattern.startsWith("+") ? likePattern.substring(1) : likePattern;
        unanchored |= start.startsWith("%") || start.startsWith("_");
    }

    private static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }
}
