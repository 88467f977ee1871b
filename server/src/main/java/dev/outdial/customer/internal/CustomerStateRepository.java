package dev.outdial.customer.internal;

import dev.outdial.customer.CountKey;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.customer.Claim;
import dev.outdial.engine.customer.CustomerState;
import dev.outdial.engine.customer.CustomerStatus;
import dev.outdial.engine.customer.Hold;
import dev.outdial.engine.rules.QueuedCustomer;
import dev.outdial.shared.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A customer's dialing state as the engine's {@link CustomerState}, read under a row lock and
 * written back with its shown status, so every change goes through the engine's state machine.
 */
@Repository
public class CustomerStateRepository {

    private static final String STATE_COLUMNS = """
            progress, held_pause, held_blacklist, held_dnc, lease_until, on_call, cycle_attempts, total_attempts,
            business_errors, last_result, next_attempt_at, callback_owner_id""";

    private final JdbcClient db;
    private final CustomerCounts counts;
    private final StatusChangeAnnouncer announcer;
    private final FreshQueueMarks freshQueue;
    private final DueTierGate dueTiers;
    private final NextDueTimes nextDueTimes;
    private final UnwrittenClaims unwrittenClaims;
    private final LockedCustomers lockedCustomers;

    CustomerStateRepository(JdbcClient db, CustomerCounts counts, StatusChangeAnnouncer announcer,
                            FreshQueueMarks freshQueue, DueTierGate dueTiers, NextDueTimes nextDueTimes,
                            UnwrittenClaims unwrittenClaims, LockedCustomers lockedCustomers) {
        this.db = db;
        this.unwrittenClaims = unwrittenClaims;
        this.lockedCustomers = lockedCustomers;
        this.counts = counts;
        this.announcer = announcer;
        this.freshQueue = freshQueue;
        this.dueTiers = dueTiers;
        this.nextDueTimes = nextDueTimes;
    }

    /** The state, locked until the transaction ends: two people changing one customer queue up. */
    public Optional<CustomerState> lock(long businessId, long campaignId, long customerId) {
        unwrittenClaims.writeNow(List.of(customerId));
        return db.sql("select " + STATE_COLUMNS + """
                 from campaign_customer
                 where business_id = :business and campaign_id = :campaign and id = :id
                 for update
                """)
                .param("business", businessId).param("campaign", campaignId).param("id", customerId)
                .query(CustomerStateRepository::state).optional();
    }

    /** Writes {@code state} over {@code before}, which the caller read under a lock, counts the move and announces a status change. */
    public void save(long campaignId, long customerId, CustomerState before, CustomerState state) {
        // This write keeps the lease's owner as stored: a claim of this transaction stores it first.
        unwrittenClaims.writeNow(List.of(customerId));
        write(customerId, state, "", null);
        moved(campaignId, customerId, before, state);
    }

    /**
     * As {@link #save(long, long, CustomerState, CustomerState)}, and the claim's owner in the same
     * statement: {@code leaseOwner} while claimed, nobody once released (one write per claimed
     * customer instead of two, issue 18).
     */
    public void saveWithLeaseOwner(long campaignId, long customerId, CustomerState before, CustomerState state,
                                   String leaseOwner) {
        unwrittenClaims.superseded(customerId);
        writeWithLeaseOwner(customerId, state, leaseOwner);
        moved(campaignId, customerId, before, state);
    }

    /**
     * A claim, counted and announced now as {@link #saveWithLeaseOwner} does, its row written by the
     * transaction's next write of the customer or just before it commits: a claim dialed at once is one write
     * of the row with its dial, not two ({@link UnwrittenClaims}, issue 18).
     */
    public void saveClaim(long campaignId, QueuedCustomer before, CustomerState claimed, String leaseOwner) {
        long customerId = before.customerId();
        unwrittenClaims.hold(campaignId, before.withState(claimed),
                () -> writeWithLeaseOwner(customerId, claimed, leaseOwner));
        moved(campaignId, customerId, before.state(), claimed);
    }

    private void writeWithLeaseOwner(long customerId, CustomerState state, String leaseOwner) {
        write(customerId, state, ", lease_owner = :leaseOwner", state.isClaimed() ? leaseOwner : null);
    }

    private void write(long customerId, CustomerState state, String alsoSet, String leaseOwner) {
        Optional<Claim> claim = state.claim();
        db.sql("""
                update campaign_customer set status = :status, progress = :progress, held_pause = :pause,
                    held_blacklist = :blacklist, held_dnc = :dnc, claimed = :claimed, lease_until = :leaseUntil,
                    on_call = :onCall,
                    cycle_attempts = :cycle, total_attempts = :total, business_errors = :errors,
                    last_result = :lastResult, next_attempt_at = :next, callback_owner_id = :owner%s
                where id = :id
                """.formatted(alsoSet))
                .param("status", state.status().name())
                .param("progress", state.progress().name())
                .param("pause", state.holds().contains(Hold.PAUSE))
                .param("blacklist", state.holds().contains(Hold.BLACKLIST))
                .param("dnc", state.holds().contains(Hold.DNC_REGISTRY))
                .param("claimed", claim.isPresent())
                .param("leaseUntil", claim.map(c -> SqlTime.toSql(c.leaseUntil())).orElse(null))
                .param("onCall", claim.map(Claim::onCall).orElse(false))
                .param("cycle", state.cycleAttempts())
                .param("total", state.totalAttempts())
                .param("errors", state.businessErrors())
                .param("lastResult", state.lastResult().map(Enum::name).orElse(null))
                .param("next", state.nextAttemptAt().map(SqlTime::toSql).orElse(null))
                .param("owner", state.callbackOwner().map(agent -> Long.valueOf(agent.value())).orElse(null))
                .param("id", customerId)
                .param("leaseOwner", leaseOwner)
                .update();
    }

    /**
     * The move counted, a change of status announced, the claim queues told. The row is locked (the write or the
     * claim's read locked it), so the customer as written is what this transaction holds until it ends.
     */
    private void moved(long campaignId, long customerId, CustomerState before, CustomerState state) {
        boolean reached = CountKey.isReached(before) || CountKey.isReached(state);
        Long classification = reached ? classificationOf(customerId) : null;
        if (reached) {
            lockedCustomers.known(customerId, new Counted(state, classification));
        } else {
            lockedCustomers.wrote(customerId, state);
        }
        counts.moved(campaignId, customerId, CountKey.of(before, classification), CountKey.of(state, classification));
        announcer.saved(campaignId, customerId, before, state);
        tellClaimQueues(campaignId, before, state);
    }

    /** What the claims' and the pacing loop's shortcuts must hear of: a customer fresh again, or due at a time. */
    private void tellClaimQueues(long campaignId, CustomerState before, CustomerState state) {
        if (state.status() == CustomerStatus.NEW && before.status() != CustomerStatus.NEW) {
            freshQueue.rewind(campaignId);
        }
        if (state.claim().isEmpty() && !state.isHeld()) {
            state.nextAttemptAt().ifPresent(at -> {
                dueTiers.due(campaignId, at);
                nextDueTimes.due(campaignId, at);
            });
        }
    }

    /** A customer's state with its classification: all that says where its progress counts hold it. */
    public record Counted(CustomerState state, Long classificationId) {

        public CountKey key() {
            return CountKey.of(state, classificationId);
        }
    }

    /**
     * The customers among {@code ids} that match {@code condition} (fixed SQL, never user input),
     * locked until the transaction ends, for writes that delete or reclassify them in bulk.
     */
    public Map<Long, Counted> lockCounted(long campaignId, Collection<Long> ids, String condition) {
        unwrittenClaims.writeNow(ids);
        Map<Long, Counted> locked = new LinkedHashMap<>();
        db.sql("select id, classification_id, " + STATE_COLUMNS
                        + " from campaign_customer where campaign_id = :campaign and id in (:ids)" + condition
                        + " order by id for update")
                .param("campaign", campaignId).param("ids", ids)
                .query(row -> {
                    long classification = row.getLong("classification_id");
                    Long classificationId = row.wasNull() ? null : classification;
                    locked.put(row.getLong("id"), new Counted(state(row, 0), classificationId));
                });
        return locked;
    }

    /** What the progress counts hold the customer under, for a write that deletes or reclassifies it. */
    public CountKey countKey(long customerId, CustomerState state) {
        return CountKey.of(state, CountKey.isReached(state) ? classificationOf(customerId) : null);
    }

    /** The classification as this transaction locked or wrote it, else as stored. */
    private Long classificationOf(long customerId) {
        Optional<Counted> locked = lockedCustomers.of(customerId);
        return locked.isPresent() ? locked.get().classificationId() : storedClassification(customerId);
    }

    private Long storedClassification(long customerId) {
        return db.sql("select classification_id from campaign_customer where id = :id")
                .param("id", customerId).query((row, n) -> {
                    long id = row.getLong("classification_id");
                    return row.wasNull() ? null : id;
                }).optional().orElse(null);
    }

    static CustomerState state(ResultSet row, int n) throws SQLException {
        Set<Hold> holds = EnumSet.noneOf(Hold.class);
        if (row.getBoolean("held_pause")) {
            holds.add(Hold.PAUSE);
        }
        if (row.getBoolean("held_blacklist")) {
            holds.add(Hold.BLACKLIST);
        }
        if (row.getBoolean("held_dnc")) {
            holds.add(Hold.DNC_REGISTRY);
        }
        Instant leaseUntil = SqlTime.instant(row, "lease_until");
        Optional<Claim> claim = leaseUntil == null ? Optional.empty()
                : Optional.of(new Claim(leaseUntil, row.getBoolean("on_call")));
        String lastResult = row.getString("last_result");
        long owner = row.getLong("callback_owner_id");
        Optional<AgentId> callbackOwner = row.wasNull() ? Optional.empty() : Optional.of(AgentId.of(String.valueOf(owner)));
        return new CustomerState(CustomerStatus.valueOf(row.getString("progress")), holds, claim,
                row.getInt("cycle_attempts"), row.getInt("total_attempts"), row.getInt("business_errors"),
                Optional.ofNullable(lastResult).map(CallResult::valueOf),
                Optional.ofNullable(SqlTime.instant(row, "next_attempt_at")), callbackOwner);
    }
}
