package dev.outdial.compliance.internal;

import dev.outdial.compliance.BlockKind;
import dev.outdial.compliance.BlockedNumber;
import dev.outdial.shared.ListStart;
import dev.outdial.shared.PageRequest;
import dev.outdial.shared.PhoneSearch;
import dev.outdial.shared.SqlLike;
import dev.outdial.shared.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code blocked_number} table: both lists, told apart by {@code kind}. */
@Repository
public class BlockedNumberRepository {

    private static final String COLUMNS = "id, number, reason, created_at";
    /** Bound parameters per IN list: well under every driver's limit. */
    private static final int LOOKUP_CHUNK = 1_000;

    private final JdbcClient db;
    private final JdbcTemplate jdbc;
    private final ListStart listStart;

    BlockedNumberRepository(JdbcClient db, JdbcTemplate jdbc, ListStart listStart) {
        this.db = db;
        this.jdbc = jdbc;
        this.listStart = listStart;
    }

    public long insert(long businessId, BlockKind kind, String number, String reason, Instant createdAt) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                insert into blocked_number (business_id, kind, number, reason, created_at)
                values (:business, :kind, :number, :reason, :created)
                """)
                .param("business", businessId).param("kind", kind.name()).param("number", number)
                .param("reason", reason).param("created", SqlTime.toSql(createdAt))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    /** One round trip per batch of an import. */
    public void insertAll(long businessId, BlockKind kind, Map<String, String> reasonsByNumber, Instant createdAt) {
        List<Object[]> rows = reasonsByNumber.entrySet().stream()
                .map(entry -> new Object[] {businessId, kind.name(), entry.getKey(), entry.getValue(),
                        SqlTime.toSql(createdAt)})
                .toList();
        jdbc.batchUpdate("insert into blocked_number (business_id, kind, number, reason, created_at) values (?, ?, ?, ?, ?)",
                rows);
    }

    public Optional<BlockedNumber> find(long businessId, BlockKind kind, long id) {
        return db.sql("select " + COLUMNS + " from blocked_number where business_id = :business and kind = :kind and id = :id")
                .param("business", businessId).param("kind", kind.name()).param("id", id)
                .query(BlockedNumberRepository::entry).optional();
    }

    /** The lists that hold the number, in one look-up of the unique index (one descent per list). */
    public Set<BlockKind> listsHolding(long businessId, String e164) {
        Set<BlockKind> lists = EnumSet.noneOf(BlockKind.class);
        db.sql("""
                select kind from blocked_number where business_id = :business and kind in (:kinds) and number = :number
                """)
                .param("business", businessId)
                .param("kinds", Arrays.stream(BlockKind.values()).map(Enum::name).toList())
                .param("number", e164)
                .query((RowCallbackHandler) row -> lists.add(BlockKind.valueOf(row.getString("kind"))));
        return lists;
    }

    public Optional<BlockedNumber> findByNumber(long businessId, BlockKind kind, String e164) {
        return db.sql("select " + COLUMNS + " from blocked_number where business_id = :business and kind = :kind and number = :number")
                .param("business", businessId).param("kind", kind.name()).param("number", e164)
                .query(BlockedNumberRepository::entry).optional();
    }

    /** Newest first; the search matches the number (see {@link PhoneSearch}) or words of the reason. */
    public List<BlockedNumber> page(long businessId, BlockKind kind, PhoneSearch phone, String text, PageRequest page) {
        Optional<Long> bound = listStart.bound(page.before(), "blocked_number",
                new ListStart.Key("business_id", businessId), new ListStart.Key("kind", kind.name()));
        if (bound.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("select " + COLUMNS + """
                 from blocked_number where business_id = :business and kind = :kind and id < :before
                """);
        if (text != null) {
            sql.append(" and (lower(coalesce(reason, '')) like :text escape '\\'");
            sql.append(phone.e164() != null ? " or number = :e164" : "");
            sql.append(phone.digits() != null ? " or number like :digits" : "");
            sql.append(')');
        }
        sql.append(" order by id desc limit :limit");
        var statement = db.sql(sql.toString())
                .param("business", businessId).param("kind", kind.name()).param("before", bound.get())
                .param("limit", page.fetchSize());
        if (text != null) {
            statement = statement.param("text", SqlLike.contains(text));
            statement = phone.e164() != null ? statement.param("e164", phone.e164()) : statement;
            statement = phone.digits() != null ? statement.param("digits", phone.digitsPattern()) : statement;
        }
        return statement.query(BlockedNumberRepository::entry).list();
    }

    /** Which of {@code numbers} are on the list, asked in chunks so any count of numbers works. */
    public Set<String> existing(long businessId, BlockKind kind, Collection<String> numbers) {
        Set<String> found = new HashSet<>();
        List<String> all = List.copyOf(numbers);
        for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK));
            found.addAll(db.sql("""
                    select number from blocked_number
                    where business_id = :business and kind = :kind and number in (:numbers)
                    """)
                    .param("business", businessId).param("kind", kind.name()).param("numbers", chunk)
                    .query(String.class).list());
        }
        return found;
    }

    /** Takes the number off the list, keeping when it was listed and removed for the audit (issue 18). */
    public void delete(long businessId, BlockKind kind, long id, Instant removedAt) {
        db.sql("""
                insert into blocked_number_removal (business_id, kind, number, listed_at, removed_at)
                select business_id, kind, number, created_at, :removed from blocked_number
                where business_id = :business and kind = :kind and id = :id
                """)
                .param("business", businessId).param("kind", kind.name()).param("id", id)
                .param("removed", SqlTime.toSql(removedAt)).update();
        db.sql("delete from blocked_number where business_id = :business and kind = :kind and id = :id")
                .param("business", businessId).param("kind", kind.name()).param("id", id).update();
    }

    private static BlockedNumber entry(ResultSet row, int n) throws SQLException {
        return new BlockedNumber(row.getLong("id"), row.getString("number"), row.getString("reason"),
                SqlTime.instant(row, "created_at"));
    }
}
