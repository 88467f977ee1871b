package dev.outdial.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where the first page of a newest-first list of one scope's rows (a business's contacts, its DNC numbers…) starts:
 * just past the scope's newest row, read on the scope's own index {@code (scope columns…, id)}.
 *
 * <p>Asked for {@code where business_id = :business order by id desc}, PostgreSQL takes the business for a constant,
 * so the primary key gives that order too; for a business holding most of a table it prices a walk of the primary key
 * cheapest and starts it at the table's newest row, filtering, past every row other businesses added since. With one
 * business of 2 million contacts and another's 300,000 added after, that first page read 300,000 rows and took 26-40
 * ms (issue 18), and more with every other business. Bounded by the scope's newest id, the same walk starts among the
 * scope's own rows; a cursor's pages are bounded already.
 */
@Component
public class ListStart {

    private static final Pattern NAME = Pattern.compile("[a-z_]+");

    private final JdbcClient db;
    private final OnPostgres postgres;
    private final TransactionTemplate transactions;

    ListStart(JdbcClient db, OnPostgres postgres, PlatformTransactionManager transactions) {
        this.db = db;
        this.postgres = postgres;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** One column of a scope and its value, in the order of the scope's index. */
    public record Key(String column, Object value) {
        public Key {
            if (!NAME.matcher(column).matches()) {
                throw new IllegalArgumentException("not a column name: " + column);
            }
        }
    }

    /**
     * A page's keyset bound ({@code id < bound}): the cursor's when it has one, else {@link #pastNewest}; empty when
     * the scope has no rows.
     */
    public Optional<Long> bound(Long cursor, String table, Key... scope) {
        return cursor != null ? Optional.of(cursor) : pastNewest(table, scope);
    }

    /**
     * The keyset bound ({@code id < bound}) of the scope's first page, newest first: one past its newest row; empty
     * when the scope has no rows.
     */
    private Optional<Long> pastNewest(String table, Key... scope) {
        if (!NAME.matcher(table).matches() || scope.length == 0) {
            throw new IllegalArgumentException("a table and its scope's columns are needed: " + table);
        }
        return Optional.ofNullable(transactions.execute(status -> newest(table, scope))).map(id -> id + 1);
    }

    /**
     * The innermost key as a range of one value, and the order led by it: PostgreSQL cannot take it for a constant,
     * so only the scope's index gives this order, the more surely with sorting disallowed.
     */
    private Long newest(String table, Key[] scope) {
        var statement = db.sql("select id from " + table + " where " + where(scope)
                + " order by " + scope[scope.length - 1].column() + " desc, id desc fetch first 1 rows only");
        for (int i = 0; i < scope.length; i++) {
            statement = statement.param("key" + i, scope[i].value());
        }
        var read = statement;
        return postgres.withoutSorting(() -> read.query(Long.class).optional().orElse(null));
    }

    private static String where(Key[] scope) {
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i < scope.length - 1; i++) {
            conditions.add(scope[i].column() + " = :key" + i);
        }
        int last = scope.length - 1;
        conditions.add(scope[last].column() + " between :key" + last + " and :key" + last);
        return String.join(" and ", conditions);
    }
}
