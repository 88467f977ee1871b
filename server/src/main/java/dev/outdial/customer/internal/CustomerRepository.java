package dev.outdial.customer.internal;

import dev.outdial.customer.CampaignCustomer;
import dev.outdial.customer.CountKey;
import dev.outdial.customer.CustomerDraft;
import dev.outdial.engine.customer.CustomerState;
import dev.outdial.engine.customer.CustomerStatus;
import dev.outdial.engine.customer.Hold;
import dev.outdial.shared.OnPostgres;
import dev.outdial.shared.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code campaign_customer} table: writes in batches, reads by keyset. */
@Repository
public class CustomerRepository {

    static final String COLUMNS = """
            c.id, c.campaign_id, k.name as campaign_name, c.name, c.phone, c.other_phones, c.added_at,
            c.next_attempt_at, c.account_manager_id, u.name as account_manager_name, c.status, c.cycle_attempts,
            c.total_attempts, c.last_result, c.classification_id, c.external_id, c.email, c.dialing_mode,
            c.customer_group_id, c.contact_id, c.fields""";
    static final String FROM = """
             from campaign_customer c
             join campaign k on k.id = c.campaign_id
             left join app_user u on u.id = c.account_manager_id
            """;

    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };

    private final JdbcClient db;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final PostgresBulk copy;
    private final PostgresPlanner planner;
    private final OnPostgres postgres;
    private final CustomerCounts counts;
    private final FreshQueueMarks freshQueue;

    CustomerRepository(JdbcClient db, JdbcTemplate jdbc, JsonMapper json, PostgresBulk copy, PostgresPlanner planner,
                       OnPostgres postgres, CustomerCounts counts, FreshQueueMarks freshQueue) {
        this.counts = counts;
        this.freshQueue = freshQueue;
        this.planner = planner;
        this.postgres = postgres;
        this.db = db;
        this.jdbc = jdbc;
        this.json = json;
        this.copy = copy;
    }

    /** A new customer's holds, decided when it is added (SPEC §4.3: "decided when the customer is added"). */
    public record NewRow(CustomerDraft draft, boolean blacklisted, boolean dnc) {

        /** The engine's rule: a new customer shows its first hold, else NEW. */
        CustomerStatus status() {
            Set<Hold> holds = EnumSet.noneOf(Hold.class);
            if (blacklisted) {
                holds.add(Hold.BLACKLIST);
            }
            if (dnc) {
                holds.add(Hold.DNC_REGISTRY);
            }
            return CustomerState.added(holds).status();
        }
    }

    private static final List<String> INSERT_COLUMNS = List.of("business_id", "campaign_id", "contact_id", "import_id",
            "customer_group_id", "name", "phone", "other_phones", "email", "external_id", "account_manager_id", "fields",
            "status", "progress", "held_blacklist", "held_dnc", "added_at", "dialing_mode");

    /** Writes the new customers of one add, in the order given; see {@link Inserter}. */
    public Inserter inserter(long businessId, long campaignId, Long importId, Instant addedAt) {
        // New customers may sort before the claims' mark: an import's rows carry when it began, another node's clock may lag.
        freshQueue.rewind(campaignId);
        return new Inserter(businessId, campaignId, importId, addedAt);
    }

    /**
     * New customers on their way into the table: on PostgreSQL through one COPY that stays open
     * from the first row to {@link #pause()}, elsewhere in batched inserts of {@link #BATCH} rows.
     * Counts are the caller's: the inserter only writes.
     */
    public final class Inserter {

        static final int BATCH = 5_000;

        private final long businessId;
        private final long campaignId;
        private final Long importId;
        private final Instant addedAt;
        private final List<List<Object>> batch = new ArrayList<>();
        private PostgresBulk.CopyStream stream;
        private Boolean onPostgres;

        private Inserter(long businessId, long campaignId, Long importId, Instant addedAt) {
            this.businessId = businessId;
            this.campaignId = campaignId;
            this.importId = importId;
            this.addedAt = addedAt;
        }

        public void add(NewRow row) {
            List<Object> values = values(businessId, campaignId, importId, row, addedAt);
            if (onPostgres == null || (onPostgres && stream == null)) {
                stream = copy.openCopy("campaign_customer", INSERT_COLUMNS).orElse(null);
                onPostgres = stream != null;
            }
            if (onPostgres) {
                stream.write(values);
                return;
            }
            batch.add(values);
            if (batch.size() == BATCH) {
                insertBatch();
            }
        }

        /** Writes every row added so far, so that the connection is free for other statements. */
        public void pause() {
            if (stream != null) {
                stream.end();
                stream = null;
            }
            insertBatch();
        }

        private void insertBatch() {
            if (batch.isEmpty()) {
                return;
            }
            jdbc.batchUpdate("insert into campaign_customer (" + String.join(", ", INSERT_COLUMNS) + ") values ("
                            + String.join(", ", Collections.nCopies(INSERT_COLUMNS.size(), "?")) + ")",
                    batch, batch.size(), (statement, values) -> {
                        for (int i = 0; i < values.size(); i++) {
                            statement.setObject(i + 1, values.get(i));
                        }
                    });
            batch.clear();
        }
    }

    private List<Object> values(long businessId, long campaignId, Long importId, NewRow row, Instant addedAt) {
        CustomerDraft draft = row.draft();
        return Arrays.asList(businessId, campaignId, draft.contactId(), importId, draft.customerGroupId(),
                draft.name(), draft.phone(), draft.otherPhones().isEmpty() ? null : String.join(",", draft.otherPhones()),
                draft.email(), draft.externalId(), draft.accountManagerId(),
                draft.fields().isEmpty() ? null : json.writeValueAsString(draft.fields()), row.status().name(),
                CustomerStatus.NEW.name(), row.blacklisted(), row.dnc(), SqlTime.toSql(addedAt), draft.dialingMode());
    }

    /**
     * Customers added by {@code importId} whose number another customer of the campaign, added
     * before them, already has: per number, all of the import's customers if the campaign had the
     * number before, else all but the first. One pass over the campaign grouped by number, with no
     * join: right after a bulk write the planner's statistics still say the campaign is empty, and
     * a join of the import's numbers with the others' was planned as a nested loop, quadratic in
     * the rows (seconds for a few thousand).
     */
    public int duplicatesOf(long campaignId, long importId) {
        return db.sql("""
                select coalesce(sum(case when earlier = 0 then added - 1 else added end), 0)
                from (select sum(case when import_id = :import then 1 else 0 end) as added,
                             sum(case when import_id = :import then 0 else 1 end) as earlier
                      from campaign_customer where campaign_id = :campaign group by phone) numbers
                where added > 0
                """)
                .param("campaign", campaignId).param("import", importId).query(Integer.class).single();
    }

    public Optional<CampaignCustomer> find(long businessId, long campaignId, long id) {
        return db.sql("select " + COLUMNS + FROM + " where c.business_id = :business and c.campaign_id = :campaign and c.id = :id")
                .param("business", businessId).param("campaign", campaignId).param("id", id)
                .query(this::customer).optional();
    }

    public Optional<CampaignCustomer> find(long businessId, long id) {
        return db.sql("select " + COLUMNS + FROM + " where c.business_id = :business and c.id = :id")
                .param("business", businessId).param("id", id)
                .query(this::customer).optional();
    }

    /** One keyset page of the list: {@code where} is built by {@link CustomerQuery} from whitelisted parts only. */
    List<CampaignCustomer> page(String where, Map<String, Object> params, boolean ascending, int fetch) {
        planner.planForTheValuesGiven();
        return db.sql("select " + COLUMNS + FROM + " where " + where + " order by c.id " + (ascending ? "asc" : "desc")
                        + " fetch first " + fetch + " rows only")
                .params(params).query(this::customer).list();
    }

    /**
     * The id of the {@code count}-th customer of the query's scope in the list's order, read from the scope's own
     * index alone ({@link CustomerQuery#scopeOnItsIndex}), or empty when fewer remain.
     */
    Optional<Long> nthInOrder(CustomerQuery query, int count) {
        return postgres.withoutSorting(() -> db.sql("select c.id from campaign_customer c where "
                        + query.scopeOnItsIndex() + " order by " + query.orderOnItsIndex()
                        + " offset " + (count - 1) + " rows fetch next 1 rows only")
                .params(query.params()).query(Long.class).optional());
    }

    /** Customers per source group, for the list shown by group. */
    public Map<Long, Long> countByGroup(long businessId, long campaignId) {
        Map<Long, Long> counts = new LinkedHashMap<>();
        db.sql("""
                select customer_group_id, count(*) as customers from campaign_customer
                where business_id = :business and campaign_id = :campaign
                group by customer_group_id order by customer_group_id
                """)
                .param("business", businessId).param("campaign", campaignId)
                .query(row -> {
                    long group = row.getLong("customer_group_id");
                    counts.put(row.wasNull() ? null : group, row.getLong("customers"));
                });
        return counts;
    }

    /** Deletes the customer, counted until now under {@code counted}. */
    public void delete(long businessId, long campaignId, long id, CountKey counted) {
        int deleted = db.sql("delete from campaign_customer where business_id = :business and campaign_id = :campaign and id = :id")
                .param("business", businessId).param("campaign", campaignId).param("id", id).update();
        if (deleted > 0) {
            counts.moved(campaignId, id, counted, null);
        }
    }

    CampaignCustomer customer(ResultSet row, int n) throws SQLException {
        List<String> phones = new ArrayList<>();
        phones.add(row.getString("phone"));
        String others = row.getString("other_phones");
        if (others != null) {
            phones.addAll(Arrays.asList(others.split(",")));
        }
        String fields = row.getString("fields");
        return new CampaignCustomer(row.getLong("id"), row.getLong("campaign_id"), row.getString("campaign_name"),
                row.getString("name"), phones, SqlTime.instant(row, "added_at"), SqlTime.instant(row, "next_attempt_at"),
                nullableLong(row, "account_manager_id"), row.getString("account_manager_name"),
                CustomerStatus.valueOf(row.getString("status")), row.getInt("cycle_attempts"),
                row.getInt("total_attempts"), row.getString("last_result"), nullableLong(row, "classification_id"),
                row.getString("external_id"), row.getString("email"), row.getString("dialing_mode"),
                nullableLong(row, "customer_group_id"), nullableLong(row, "contact_id"),
                fields == null ? Map.of() : new LinkedHashMap<>(json.readValue(fields, FIELDS)));
    }

    private static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
