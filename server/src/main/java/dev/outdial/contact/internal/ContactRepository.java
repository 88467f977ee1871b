package dev.outdial.contact.internal;

import dev.outdial.contact.Contact;
import dev.outdial.shared.ListStart;
import dev.outdial.shared.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code contact}, {@code contact_phone} and {@code contact_field} tables. Every read selects
 * contacts by a {@link ContactWhere}, newest first by keyset on id, then loads the phones and
 * fields of the whole batch in two queries: never one query per contact.
 */
@Repository
public class ContactRepository {

    /** Contacts held at once while streaming: a million-contact filter never sits in memory. */
    static final int STREAM_BATCH = 500;

    private final JdbcClient db;
    private final ListStart listStart;

    ContactRepository(JdbcClient db, ListStart listStart) {
        this.db = db;
        this.listStart = listStart;
    }

    public long insert(long businessId, ValidContact contact, Instant createdAt) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                insert into contact (business_id, name, email, external_id, account_manager_id, created_at)
                values (:business, :name, :email, :externalId, :manager, :created)
                """)
                .param("business", businessId).param("name", contact.name()).param("email", contact.email())
                .param("externalId", contact.externalId()).param("manager", contact.accountManagerId())
                .param("created", SqlTime.toSql(createdAt))
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        insertDetails(businessId, id, contact);
        return id;
    }

    public void update(long businessId, long id, ValidContact contact) {
        db.sql("""
                update contact set name = :name, email = :email, external_id = :externalId,
                       account_manager_id = :manager
                where business_id = :business and id = :id
                """)
                .param("name", contact.name()).param("email", contact.email())
                .param("externalId", contact.externalId()).param("manager", contact.accountManagerId())
                .param("business", businessId).param("id", id).update();
        db.sql("delete from contact_phone where business_id = :business and contact_id = :id")
                .param("business", businessId).param("id", id).update();
        db.sql("delete from contact_field where business_id = :business and contact_id = :id")
                .param("business", businessId).param("id", id).update();
        insertDetails(businessId, id, contact);
    }

    public boolean delete(long businessId, long id) {
        return db.sql("delete from contact where business_id = :business and id = :id")
                .param("business", businessId).param("id", id).update() == 1;
    }

    public Optional<Contact> find(long businessId, long id) {
        return below(businessId, ContactWhere.ids(List.of(id)), null, 1).stream().findFirst();
    }

    /** Up to {@code limit} matching contacts with an id below {@code before} (all when null), newest first. */
    public List<Contact> select(long businessId, ContactWhere where, Long before, int limit) {
        Optional<Long> bound = listStart.bound(before, "contact", new ListStart.Key("business_id", businessId));
        return bound.isEmpty() ? List.of() : below(businessId, where, bound.get(), limit);
    }

    private List<Contact> below(long businessId, ContactWhere where, Long before, int limit) {
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("business", businessId);
        params.put("limit", limit);
        String keyset = "";
        if (before != null) {
            keyset = " and c.id < :before";
            params.put("before", before);
        }
        List<Row> rows = db.sql("""
                select c.id, c.name, c.email, c.external_id, c.account_manager_id, c.created_at
                from contact c
                where c.business_id = :business and (%s)%s
                order by c.id desc
                limit :limit
                """.formatted(where.sql(), keyset))
                .params(params).query(ContactRepository::row).list();
        return withDetails(businessId, rows);
    }

    public long count(long businessId, ContactWhere where) {
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("business", businessId);
        return db.sql("select count(*) from contact c where c.business_id = :business and (" + where.sql() + ")")
                .params(params).query(Long.class).single();
    }

    /** Every matching contact, a batch at a time. */
    public void forEach(long businessId, ContactWhere where, Consumer<Contact> each) {
        Long before = null;
        List<Contact> batch;
        do {
            batch = select(businessId, where, before, STREAM_BATCH);
            batch.forEach(each);
            before = batch.isEmpty() ? null : batch.getLast().id();
        } while (batch.size() == STREAM_BATCH);
    }

    /** The ids among {@code ids} that are contacts of the business. */
    public List<Long> existing(long businessId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.sql("select id from contact where business_id = :business and id in (:ids)")
                .param("business", businessId).param("ids", ids).query(Long.class).list();
    }

    private void insertDetails(long businessId, long id, ValidContact contact) {
        for (int seq = 0; seq < contact.phones().size(); seq++) {
            db.sql("""
                    insert into contact_phone (contact_id, seq, business_id, number)
                    values (:id, :seq, :business, :number)
                    """)
                    .param("id", id).param("seq", seq).param("business", businessId)
                    .param("number", contact.phones().get(seq)).update();
        }
        contact.fields().forEach((name, value) -> db.sql("""
                insert into contact_field (contact_id, business_id, field_name, field_value)
                values (:id, :business, :name, :value)
                """)
                .param("id", id).param("business", businessId).param("name", name).param("value", value).update());
    }

    private List<Contact> withDetails(long businessId, List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<String>> phones = new HashMap<>();
        db.sql("""
                select contact_id, number from contact_phone
                where business_id = :business and contact_id in (:ids) order by contact_id, seq
                """)
                .param("business", businessId).param("ids", ids)
                .query((ResultSet row) -> {
                    phones.computeIfAbsent(row.getLong("contact_id"), id -> new ArrayList<>()).add(row.getString("number"));
                });
        Map<Long, Map<String, String>> fields = new HashMap<>();
        db.sql("""
                select contact_id, field_name, field_value from contact_field
                where business_id = :business and contact_id in (:ids)
                """)
                .param("business", businessId).param("ids", ids)
                .query((ResultSet row) -> {
                    fields.computeIfAbsent(row.getLong("contact_id"), id -> new TreeMap<>())
                            .put(row.getString("field_name"), row.getString("field_value"));
                });
        return rows.stream().map(row -> new Contact(row.id(), row.name(), phones.getOrDefault(row.id(), List.of()),
                row.email(), row.externalId(), row.accountManagerId(), fields.getOrDefault(row.id(), Map.of()),
                row.createdAt())).toList();
    }

    private record Row(long id, String name, String email, String externalId, Long accountManagerId, Instant createdAt) {
    }

    private static Row row(ResultSet row, int n) throws SQLException {
        // getObject, not getLong + wasNull: wasNull speaks of the column read last, whichever it was.
        return new Row(row.getLong("id"), row.getString("name"), row.getString("email"), row.getString("external_id"),
                row.getObject("account_manager_id", Long.class), SqlTime.instant(row, "created_at"));
    }
}
