package dev.outdial.customer.internal;

import dev.outdial.customer.CampaignCustomer;
import dev.outdial.customer.CustomerDraft;
import dev.outdial.engine.customer.CustomerStatus;
import dev.outdial.shared.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    CustomerRepository(JdbcClient db, JdbcTemplate jdbc, JsonMapper json) {
        this.db = db;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A new customer's holds, decided when it is added (SPEC §4.3: "decided when the customer is added"). */
    public record NewRow(CustomerDraft draft, boolean blacklisted, boolean dnc) {

        CustomerStatus status() {
            return blacklisted ? CustomerStatus.BLOCKED : dnc ? CustomerStatus.DNC : CustomerStatus.NEW;
        }
    }

    public void insertBatch(long businessId, long campaignId, Long importId, List<NewRow> rows, Instant addedAt) {
        Timestamp added = Timestamp.from(addedAt);
        jdbc.batchUpdate("""
                insert into campaign_customer (business_id, campaign_id, contact_id, import_id, customer_group_id, name,
                    phone, other_phones, email, external_id, account_manager_id, fields, status, progress,
                    held_blacklist, held_dnc, added_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NEW', ?, ?, ?)
                """, rows, rows.size(), (statement, row) -> {
            CustomerDraft draft = row.draft();
            statement.setLong(1, businessId);
            statement.setLong(2, campaignId);
            setLong(statement, 3, draft.contactId());
            setLong(statement, 4, importId);
            setLong(statement, 5, draft.customerGroupId());
            statement.setString(6, draft.name());
            statement.setString(7, draft.phone());
            statement.setString(8, draft.otherPhones().isEmpty() ? null : String.join(",", draft.otherPhones()));
            statement.setString(9, draft.email());
            statement.setString(10, draft.externalId());
            setLong(statement, 11, draft.accountManagerId());
            statement.setString(12, draft.fields().isEmpty() ? null : json.writeValueAsString(draft.fields()));
            statement.setString(13, row.status().name());
            statement.setBoolean(14, row.blacklisted());
            statement.setBoolean(15, row.dnc());
            statement.setTimestamp(16, added);
        });
    }

    /**
     * Customers added by {@code importId} whose number another customer of the campaign, added
     * before them, already has.
     */
    public int duplicatesOf(long campaignId, long importId) {
        return db.sql("""
                select count(*) from campaign_customer c
                where c.campaign_id = :campaign and c.import_id = :import
                  and exists (select 1 from campaign_customer o
                              where o.campaign_id = c.campaign_id and o.phone = c.phone and o.id < c.id)
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
    public List<CampaignCustomer> page(String where, Map<String, Object> params, boolean ascending, int fetch) {
        return db.sql("select " + COLUMNS + FROM + " where " + where + " order by c.id " + (ascending ? "asc" : "desc")
                        + " fetch first " + fetch + " rows only")
                .params(params).query(this::customer).list();
    }

    public void delete(long businessId, long campaignId, long id) {
        db.sql("delete from campaign_customer where business_id = :business and campaign_id = :campaign and id = :id")
                .param("business", businessId).param("campaign", campaignId).param("id", id).update();
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

    private static void setLong(java.sql.PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }
}
