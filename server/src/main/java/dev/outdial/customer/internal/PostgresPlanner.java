package dev.outdial.customer.internal;

import dev.outdial.shared.OnPostgres;
import org.springframework.stereotype.Component;

/**
 * Asks PostgreSQL to plan the customer list for the values searched, not once for all values.
 *
 * <p>After five runs of a prepared statement PostgreSQL may keep a generic plan, made without the
 * bind values. For a name or phone pattern that plan guesses thousands of matches and walks the
 * campaign's million rows backwards by id to find fifty; the plan for the actual pattern reads the
 * few matches from the trigram index instead (a quarter of a second against a few milliseconds on
 * a million customers). Other databases are left as they are.
 */
@Component
class PostgresPlanner {

    private final OnPostgres postgres;

    PostgresPlanner(OnPostgres postgres) {
        this.postgres = postgres;
    }

    /** For the rest of the current transaction; outside a transaction PostgreSQL ignores it. */
    void planForTheValuesGiven() {
        setLocal("set local plan_cache_mode = force_custom_plan");
    }

    /**
     * The next query walks its rows in the list's order (an index range by id), not through a bitmap
     * of a search index: for a few thousand customers in a row that is cheaper than any bitmap of
     * matches, and PostgreSQL cannot know it (its guess of how many match an infix pattern is blind).
     */
    void walkInListOrder() {
        setLocal("set local enable_bitmapscan = off; set local enable_indexscan = on");
    }

    /**
     * The next query reads the matches out of the indexes (trigram bitmaps) and sorts them, instead of
     * walking the campaign by id hoping to meet them soon: used once a walk found the matches rare.
     */
    void readThroughIndexes() {
        setLocal("set local enable_bitmapscan = on; set local enable_indexscan = off");
    }

    /** Back to PostgreSQL's own choice for the rest of the transaction. */
    void planFreely() {
        setLocal("set local enable_bitmapscan to default; set local enable_indexscan to default");
    }

    private void setLocal(String sql) {
        postgres.execute(sql);
    }
}
