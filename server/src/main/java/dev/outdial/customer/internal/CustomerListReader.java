package dev.outdial.customer.internal;

import dev.outdial.customer.CampaignCustomer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads one page of the customer list.
 *
 * <p>A search with no fixed start (a name matched anywhere, a wildcard in front, a fragment of
 * digits) has two costly ways in a large campaign, and which one is cheap depends on how many
 * customers match, which PostgreSQL cannot guess for such a pattern: walking the campaign in the
 * list's order finds a common match at once but walks millions of rows for a rare one; reading the
 * matches from the trigram index finds a rare one at once but gathers and sorts millions of rows for
 * a common one. So the page walks the scope's next {@link #WINDOW} customers in order first (a few
 * milliseconds); when those hold a full page it is done, else the matches are rare and the rest of
 * the page is read from the indexes, past those customers. The page is the same either way: the
 * first matches in the list's order after the cursor.
 */
@Component
public class CustomerListReader {

    /** Customers walked in order before a search turns to its indexes: ~10 ms of PostgreSQL. */
    static final int WINDOW = 10_000;

    private final CustomerRepository customers;
    private final PostgresPlanner planner;
    private final int window;

    @Autowired
    CustomerListReader(CustomerRepository customers, PostgresPlanner planner) {
        this(customers, planner, WINDOW);
    }

    /** With another window: tests walk a few customers, so that pages cross its edge. */
    CustomerListReader(CustomerRepository customers, PostgresPlanner planner, int window) {
        this.customers = customers;
        this.planner = planner;
        this.window = window;
    }

    /** Up to {@code fetch} customers of the query, in its order (within a transaction on PostgreSQL). */
    public List<CampaignCustomer> page(CustomerQuery query, int fetch) {
        if (!query.bounded()) {
            // The first page: from the scope's first customer, so that no walk passes other businesses' customers.
            Optional<Long> first = customers.nthInOrder(query, 1);
            if (first.isEmpty()) {
                return List.of();
            }
            query.startAt(first.get());
        }
        if (!query.unanchored()) {
            return customers.page(query.where(), query.params(), query.ascending(), fetch);
        }
        Optional<Long> edge = customers.nthInOrder(query, window);
        if (edge.isEmpty()) {
            // Fewer customers left than a window: walking them all is the cheap way.
            return walking(query.where(), query.params(), query.ascending(), fetch);
        }
        Map<String, Object> params = new HashMap<>(query.params());
        params.put("edge", edge.get());
        List<CampaignCustomer> near = walking(query.where() + (query.ascending() ? " and c.id <= :edge" : " and c.id >= :edge"),
                params, query.ascending(), fetch);
        if (near.size() == fetch) {
            return near;
        }
        List<CampaignCustomer> page = new ArrayList<>(near);
        page.addAll(planned(planner::readThroughIndexes,
                query.where() + (query.ascending() ? " and c.id > :edge" : " and c.id < :edge"), params,
                query.ascending(), fetch - near.size()));
        return page;
    }

    private List<CampaignCustomer> walking(String where, Map<String, Object> params, boolean ascending, int fetch) {
        return planned(planner::walkInListOrder, where, params, ascending, fetch);
    }

    /** A page read under one of the planner's settings, and the planner left free again after it. */
    private List<CampaignCustomer> planned(Runnable setting, String where, Map<String, Object> params,
                                           boolean ascending, int fetch) {
        setting.run();
        try {
            return customers.page(where, params, ascending, fetch);
        } finally {
            planner.planFreely();
        }
    }
}
