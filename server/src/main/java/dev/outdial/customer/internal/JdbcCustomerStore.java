package dev.outdial.customer.internal;

import dev.outdial.customer.DialingCustomers;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CampaignRules;
import dev.outdial.engine.customer.CustomerInput;
import dev.outdial.engine.customer.CustomerLifecycle;
import dev.outdial.engine.customer.CustomerState;
import dev.outdial.engine.customer.DialType;
import dev.outdial.engine.customer.Transition;
import dev.outdial.engine.rules.DialingOrder;
import dev.outdial.engine.rules.QueuedCustomer;
import dev.outdial.engine.rules.Recipient;
import dev.outdial.shared.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The engine's customer store over {@code campaign_customer}: the statements behind
 * {@link dev.outdial.customer.DialingCustomers}, which runs each in its transaction.
 *
 * <p>Claiming is {@code SELECT … FOR UPDATE SKIP LOCKED} in {@link DialingOrder}'s order, then an
 * {@code UPDATE} per row, so two nodes (or two agents) racing never take the same customer: a row
 * one of them locked is skipped by the other. Each claimed state still comes from the engine's
 * state machine; the query only finds the candidates fast.
 */
@Repository
public class JdbcCustomerStore {

    private static final String COLUMNS = """
            id, phone, added_at, progress, held_pause, held_blacklist, held_dnc, lease_until, on_call,
            cycle_attempts, total_attempts, business_errors, last_result, next_attempt_at, callback_owner_id, dialing_mode,
            classification_id""";

    /** An id no customer has, so {@code not in (…)} is never given an empty list. */
    private static final List<Long> NONE = List.of(-1L);

    /**
     * The query {@link DialingOrder}'s Javadoc gives, column for column: free of holds and claims,
     * under the maximum calls, due, and for callbacks the owner's or released to anyone; asked one
     * tier at a time (the {@code %s} after the conditions), each in the order within a tier, so an
     * index on {@code (campaign_id, progress, next_attempt_at nulls first, added_at, id)} serves it
     * and a claim reads the first rows of its tier, however many customers the campaign has. (One
     * query ordered by the tier's {@code case} had to find and sort every eligible row.)
     */
    private static final String ELIGIBLE = """
            select %s from campaign_customer
            where campaign_id = :campaign
              and held_pause = false and held_blacklist = false and held_dnc = false
              and claimed = false
              and cycle_attempts < :maxCalls
              and (progress = 'NEW'
                   or progress in ('CALLBACK', 'RETRY', 'DO_NOT_CALL_BACK') and next_attempt_at <= :now
                   or progress = 'ERROR' and last_result in ('HOTLINE_ERROR', 'NETWORK_ERROR', 'AGENT_TIMEOUT')
                      and business_errors <= :errorRetryLimit and next_attempt_at <= :now)
              and (progress <> 'CALLBACK' or callback_owner_id is null or callback_owner_id = :agent
                   or next_attempt_at <= :graceOver and callback_owner_id not in (:loggedIn))
              and id not in (:declined)
              and %s
            order by next_attempt_at nulls first, added_at, id
            fetch first %d rows only
            for update skip locked
            """;

    /**
     * Each {@link DialingOrder.Tier}'s rows, in the order the tiers are served (the ordinal's order).
     * A tier of customers due at a time repeats {@code next_attempt_at <= :now} outside the
     * conditions' {@code or}, where it bounds the index range: inside it only, the claim read every
     * retry not yet due (thousands in a day of failed calls) to find none due, 2.6 ms a claim.
     */
    private static final Map<DialingOrder.Tier, String> TIERS = new EnumMap<>(Map.of(
            DialingOrder.Tier.OWN_CALLBACK,
            "progress = 'CALLBACK' and next_attempt_at <= :now and callback_owner_id = :agent",
            DialingOrder.Tier.RELEASED_CALLBACK, "progress = 'CALLBACK' and next_attempt_at <= :now"
                    + " and (callback_owner_id is null or cast(:agent as bigint) is null or callback_owner_id <> :agent)",
            DialingOrder.Tier.DUE_RETRY, "progress in ('RETRY', 'DO_NOT_CALL_BACK') and next_attempt_at <= :now",
            DialingOrder.Tier.FRESH, "progress = 'NEW'",
            DialingOrder.Tier.ERROR_RETRY, "progress = 'ERROR' and next_attempt_at <= :now"));

    /** What a due tier serves: customers in these progresses, with a time they are due at. */
    private static final List<String> DUE_PROGRESSES = List.of("CALLBACK", "RETRY", "DO_NOT_CALL_BACK", "ERROR");

    /** A customer free of claims and holds: who may be due, by when. */
    private static final String FREE = """
            campaign_id = :campaign and claimed = false
              and held_pause = false and held_blacklist = false and held_dnc = false""";

    /** A customer free of claims and holds, in a progress a due tier serves. */
    private static final String DUE_KIND = FREE + " and progress in ('" + String.join("', '", DUE_PROGRESSES) + "')";

    /**
     * The first due time after {@code :now}, one progress at a time, each the first entry of its range
     * in the claim queue's index (in that index's order, nulls first, so nothing is sorted), whatever
     * the table's statistics say. Asked for the four progresses in one range, PostgreSQL's plan read
     * and sorted every retry ahead: 336 pages a call in the live bench, the statement with the most
     * reads an attempt made. {@code least} skips the progresses with none ahead.
     */
    private static final String NEXT_DUE = "select least("
            + DUE_PROGRESSES.stream().map(progress -> "(select next_attempt_at from campaign_customer where " + FREE
                    + " and progress = '" + progress + "' and next_attempt_at > :now"
                    + " order by next_attempt_at nulls first fetch first 1 rows only)")
                    .collect(Collectors.joining(", "))
            + ") as next_attempt_at";

    /**
     * The fresh customers after the campaign's mark, in the fresh tier's order: the index range
     * starts at the mark, past the dead entries of the customers claimed before it.
     */
    private static final String FRESH_AFTER_MARK =
            "progress = 'NEW' and next_attempt_at is null and (added_at, id) > (:afterAdded, :afterId)";

    /** The fresh tier's order among customers with no next attempt: by when they were added, then by id. */
    private static final Comparator<QueuedCustomer> FRESH_ORDER =
            Comparator.comparing(QueuedCustomer::addedAt).thenComparingLong(QueuedCustomer::customerId);

    private final JdbcClient db;
    private final CustomerStateRepository states;
    private final FreshQueueMarks freshQueue;
    private final DueTierGate dueTiers;
    private final NextDueTimes nextDueTimes;
    private final UnwrittenClaims unwrittenClaims;
    private final LockedCustomers lockedCustomers;

    JdbcCustomerStore(JdbcClient db, CustomerStateRepository states, FreshQueueMarks freshQueue,
                      DueTierGate dueTiers, NextDueTimes nextDueTimes, UnwrittenClaims unwrittenClaims,
                      LockedCustomers lockedCustomers) {
        this.db = db;
        this.unwrittenClaims = unwrittenClaims;
        this.lockedCustomers = lockedCustomers;
        this.states = states;
        this.freshQueue = freshQueue;
        this.dueTiers = dueTiers;
        this.nextDueTimes = nextDueTimes;
    }

    /** Claims up to {@code max} eligible customers for {@code recipient} under {@code owner}'s lease; call in a transaction. */
    public List<QueuedCustomer> claimNext(long campaignId, CampaignRules rules, Recipient recipient, int max,
                                          Instant now, Instant leaseUntil, String owner) {
        Long agent = recipient.agent().map(JdbcCustomerStore::userId).orElse(null);
        Map<String, Object> params = new HashMap<>();
        params.put("campaign", campaignId);
        params.put("maxCalls", rules.maxCallsPerCustomer());
        params.put("now", SqlTime.toSql(now));
        params.put("errorRetryLimit", rules.errorRetryLimit());
        params.put("agent", agent);
        params.put("graceOver", SqlTime.toSql(now.minus(rules.callbackOwnerGrace())));
        params.put("loggedIn", orNone(recipient.loggedInAgents().stream().map(JdbcCustomerStore::userId).toList()));
        // The customers this transaction claimed already still read as unclaimed, and SKIP LOCKED skips none of
        // the transaction's own rows: they are passed over as declined ones are.
        Set<Long> passedOver = new HashSet<>(recipient.declined());
        passedOver.addAll(unwrittenClaims.claimedIn(campaignId));
        params.put("declined", orNone(passedOver));
        List<QueuedCustomer> candidates = new ArrayList<>();
        DueTierGate.Reading gate = dueTiers.read(campaignId, now);
        boolean dueFound = false;
        for (Map.Entry<DialingOrder.Tier, String> tier : TIERS.entrySet()) {
            if (candidates.size() >= max) {
                break;
            }
            DialingOrder.Tier name = tier.getKey();
            if (name == DialingOrder.Tier.FRESH) {
                candidates.addAll(fresh(campaignId, params, max - candidates.size(), recipient, passedOver, now));
            } else if (!gate.quiet() && (name != DialingOrder.Tier.OWN_CALLBACK || agent != null)) {
                List<QueuedCustomer> due = eligible(campaignId, tier.getValue(), max - candidates.size(), params);
                dueFound |= !due.isEmpty();
                candidates.addAll(due);
            }
        }
        if (!dueFound && gate.mayAsk()) {
            Optional<Instant> firstDue = isAnyoneDue(campaignId, now) ? Optional.of(now) : firstDueAfter(campaignId, now);
            dueTiers.learn(campaignId, gate, now, firstDue);
        }
        DialingOrder order = new DialingOrder(rules);
        List<QueuedCustomer> claimed = new ArrayList<>();
        for (QueuedCustomer candidate : candidates) {
            // The query mirrors the engine's order; the engine still has the last word on each one.
            if (order.tierOf(candidate.state(), recipient, now).isEmpty()) {
                continue;
            }
            Transition transition = CustomerLifecycle.apply(candidate.state(), new CustomerInput.Claimed(leaseUntil),
                    rules, now);
            if (transition instanceof Transition.Applied applied) {
                states.saveClaim(campaignId, candidate, applied.state(), owner);
                claimed.add(candidate.withState(applied.state()));
            }
        }
        return claimed;
    }

    /**
     * The fresh tier, read after the campaign's {@link FreshQueueMarks mark} where it has one, and
     * from the queue's head where it has none or the customers after it run short. A claim for an
     * agent who declined customers reads from the head and moves no mark: those customers stay
     * first in line for everyone else. {@code passedOver}: the customers not to take, those declined and those
     * this transaction claimed already.
     */
    private List<QueuedCustomer> fresh(long campaignId, Map<String, Object> params, int wanted, Recipient recipient,
                                       Set<Long> passedOver, Instant now) {
        boolean marked = recipient.declined().isEmpty();
        CampaignMemo.Reading<FreshQueueMarks.Mark> reading = freshQueue.read(campaignId, now);
        List<QueuedCustomer> found = new ArrayList<>();
        if (marked && reading.value().isPresent()) {
            Map<String, Object> after = new HashMap<>(params);
            after.put("afterAdded", SqlTime.toSql(reading.value().get().addedAt()));
            after.put("afterId", reading.value().get().customerId());
            found.addAll(eligible(campaignId, FRESH_AFTER_MARK, wanted, after));
        }
        boolean fromHead = found.size() < wanted;
        if (fromHead) {
            Map<String, Object> head = new HashMap<>(params);
            if (!found.isEmpty()) {
                // Rows this transaction locked already are not skipped by SKIP LOCKED: leave them out.
                List<Long> taken = new ArrayList<>(passedOver);
                found.forEach(customer -> taken.add(customer.customerId()));
                head.put("declined", Set.copyOf(taken));
            }
            found.addAll(eligible(campaignId, TIERS.get(DialingOrder.Tier.FRESH), wanted - found.size(), head));
        }
        if (marked) {
            found.stream().filter(customer -> customer.state().nextAttemptAt().isEmpty())
                    .max(FRESH_ORDER)
                    .ifPresentOrElse(last -> freshQueue.passed(campaignId, reading, last, fromHead, now),
                            () -> freshQueue.forget(campaignId));
        }
        return found;
    }

    private List<QueuedCustomer> eligible(long campaignId, String tierCondition, int rows, Map<String, Object> params) {
        return db.sql(ELIGIBLE.formatted(COLUMNS, tierCondition, rows)).params(params)
                .query((row, n) -> locked(campaignId, row, n)).list();
    }

    public Optional<QueuedCustomer> find(long campaignId, long customerId) {
        return select(campaignId, customerId, "");
    }

    /**
     * Stores {@code next} if the customer is still {@code expected}, under a row lock so nobody
     * changes it between the comparison and the write; call in a transaction.
     */
    public boolean compareAndSet(long campaignId, long customerId, CustomerState expected, CustomerState next,
                                 String owner) {
        Optional<QueuedCustomer> stored = select(campaignId, customerId, " for update");
        if (stored.isEmpty() || !stored.get().state().equals(expected)) {
            return false;
        }
        save(campaignId, customerId, expected, next, owner);
        return true;
    }

    /** Applies {@code step} to the customer under a row lock and stores what it applied; call in a transaction. */
    public Optional<Transition> update(long campaignId, long customerId, Function<CustomerState, Transition> step,
                                       String owner) {
        Optional<QueuedCustomer> stored = select(campaignId, customerId, " for update");
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Transition transition = step.apply(stored.get().state());
        if (transition instanceof Transition.Applied applied) {
            save(campaignId, customerId, stored.get().state(), applied.state(), owner);
        }
        return Optional.of(transition);
    }

    /**
     * Applies {@code step} to each of the customers still in the campaign, their rows locked by one
     * query, and stores what applied; call in a transaction. A lease beat renews every customer the
     * node holds this way: one read and one commit per beat instead of one transaction per customer.
     * The locks are taken in id order, so two beats that hold some customers alike never deadlock.
     */
    public void updateEach(long campaignId, Collection<Long> customerIds, Function<CustomerState, Transition> step,
                           String owner) {
        if (customerIds.isEmpty()) {
            return;
        }
        List<QueuedCustomer> stored = db.sql("select " + COLUMNS
                        + " from campaign_customer where campaign_id = :campaign and id in (:ids) order by id for update")
                .param("campaign", campaignId).param("ids", Set.copyOf(customerIds))
                .query((row, n) -> locked(campaignId, row, n)).list();
        for (QueuedCustomer customer : stored) {
            if (step.apply(customer.state()) instanceof Transition.Applied applied) {
                save(campaignId, customer.customerId(), customer.state(), applied.state(), owner);
            }
        }
    }

    public List<QueuedCustomer> lapsedClaims(long campaignId, Instant now) {
        return db.sql("select " + COLUMNS + """
                 from campaign_customer where campaign_id = :campaign and claimed and lease_until <= :now order by id
                """)
                .param("campaign", campaignId).param("now", SqlTime.toSql(now))
                .query(JdbcCustomerStore::queued).list();
    }

    /** Campaigns with a lapsed claim: what a crashed node left, wherever it was running. */
    public List<DialingCustomers.CampaignRef> campaignsWithLapsedClaims(Instant now) {
        return db.sql("""
                select distinct business_id, campaign_id from campaign_customer where claimed and lease_until <= :now
                order by campaign_id
                """)
                .param("now", SqlTime.toSql(now))
                .query((row, n) -> new DialingCustomers.CampaignRef(row.getLong("business_id"), row.getLong("campaign_id")))
                .list();
    }

    /**
     * When the pacing loop should next look for a due customer: the first due time after {@code now}, or
     * sooner, when the answer kept from a recent read is to be checked again ({@link NextDueTimes}).
     */
    public Optional<Instant> nextDueAfter(long campaignId, Instant now) {
        return nextDueTimes.nextLook(campaignId, now, () -> firstDueAfter(campaignId, now));
    }

    /** The first due time after {@code now} of a customer free of claims and holds whom a due tier serves (issue 18). */
    private Optional<Instant> firstDueAfter(long campaignId, Instant now) {
        return db.sql(NEXT_DUE).param("campaign", campaignId).param("now", SqlTime.toSql(now))
                .query((row, n) -> Optional.ofNullable(SqlTime.instant(row, "next_attempt_at"))).single();
    }

    /** Whether a customer a due tier may serve is due at {@code now}, by the coarse conditions every due tier shares. */
    private boolean isAnyoneDue(long campaignId, Instant now) {
        return db.sql("select id from campaign_customer where " + DUE_KIND + """
                 and next_attempt_at <= :now
                fetch first 1 rows only
                """)
                .param("campaign", campaignId).param("now", SqlTime.toSql(now))
                .query(Long.class).optional().isPresent();
    }

    /**
     * Whether the campaign has customers and none of them is or will become eligible: nobody claimed
     * or on a call, nobody new, and no retry, callback, ended do-not-call-back period or business
     * error retry ahead (SPEC §4.2 "list exhausted"). A held customer (paused, blacklisted, DNC)
     * does not come back by itself. An empty campaign is not exhausted: it has had no list yet.
     */
    public boolean isExhausted(long campaignId, CampaignRules rules) {
        // Whether it has customers, from its maintained counts. Each probe below is ordered as an
        // index is, so PostgreSQL reads the index: a bare "fetch first 1 rows" let it scan the table
        // hoping for an early match, which for a campaign whose rows lie at the table's end read
        // every other campaign's rows first (92 ms at a million customers, every 5 s, issue 18).
        long customers = db.sql("select coalesce(sum(customers), 0) from campaign_customer_count where campaign_id = :campaign")
                .param("campaign", campaignId).query(Long.class).single();
        if (customers == 0) {
            return false;
        }
        boolean claimed = db.sql("""
                select id from campaign_customer where campaign_id = :campaign and claimed fetch first 1 rows only
                """)
                .param("campaign", campaignId).query(Long.class).optional().isPresent();
        return !claimed && db.sql("""
                select id from campaign_customer
                where campaign_id = :campaign and claimed = false
                  and held_pause = false and held_blacklist = false and held_dnc = false
                  and cycle_attempts < :maxCalls
                  and (progress in ('NEW', 'RETRY', 'CALLBACK')
                       or progress = 'DO_NOT_CALL_BACK' and next_attempt_at is not null
                       or progress = 'ERROR' and last_result in ('HOTLINE_ERROR', 'NETWORK_ERROR', 'AGENT_TIMEOUT')
                          and business_errors <= :errorRetryLimit)
                order by progress, next_attempt_at nulls first, added_at, id
                fetch first 1 rows only
                """)
                .param("campaign", campaignId).param("maxCalls", rules.maxCallsPerCustomer())
                .param("errorRetryLimit", rules.errorRetryLimit())
                .query(Long.class).optional().isEmpty();
    }

    /**
     * The customer as stored; a customer this transaction claimed without writing its row yet is read from the
     * claim, which this transaction locked already (no read: a dial's compare-and-set after its claim costs none).
     */
    private Optional<QueuedCustomer> select(long campaignId, long customerId, String lock) {
        return unwrittenClaims.claimed(campaignId, customerId).or(() -> db.sql("select " + COLUMNS
                        + " from campaign_customer where campaign_id = :campaign and id = :id" + lock)
                .param("campaign", campaignId).param("id", customerId)
                .query(lock.isEmpty() ? JdbcCustomerStore::queued : (row, n) -> locked(campaignId, row, n)).optional());
    }

    /**
     * A customer read under its row's lock: as stored, or as this transaction claimed it if the claim's row is
     * not written yet; kept as {@link LockedCustomers} so the moves that follow need not read it again.
     */
    private QueuedCustomer locked(long campaignId, ResultSet row, int n) throws SQLException {
        QueuedCustomer stored = queued(row, n);
        QueuedCustomer customer = unwrittenClaims.claimed(campaignId, stored.customerId()).orElse(stored);
        lockedCustomers.read(customer.customerId(), customer.state(), row);
        return customer;
    }

    /** The state, and the lease's owner with it: this node's while claimed, nobody's once released. */
    private void save(long campaignId, long customerId, CustomerState before, CustomerState state, String owner) {
        states.saveWithLeaseOwner(campaignId, customerId, before, state, owner);
    }

    private static QueuedCustomer queued(ResultSet row, int n) throws SQLException {
        return new QueuedCustomer(row.getLong("id"), row.getString("phone"), SqlTime.instant(row, "added_at"),
                CustomerStateRepository.state(row, n), Optional.ofNullable(row.getString("dialing_mode")).map(DialType::valueOf));
    }

    private static Long userId(AgentId agent) {
        return Long.valueOf(agent.value());
    }

    private static Collection<Long> orNone(Collection<Long> ids) {
        return ids.isEmpty() ? NONE : Set.copyOf(ids);
    }
}
