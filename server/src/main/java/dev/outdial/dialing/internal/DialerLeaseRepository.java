package dev.outdial.dialing.internal;

import dev.outdial.shared.SqlTime;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The businesses' pacer leases (ARCHITECTURE §7). Each take commits on its own: taking a lease is
 * one conditional update (its row lock makes two takers of a lapsed lease take turns, and the
 * second then finds it live), or, for a business without a row yet, one insert whose primary key
 * lets only one of two racing nodes in.
 *
 * <p>Each lease has an epoch, counted up whenever a node takes it without renewing the epoch it
 * holds: a call start checks its node's epoch under the row's lock ({@link #heldUnderLock}, from the call records' fenced start),
 * so a node that lost the lease cannot start a call even before it knows, and a taker waits for a
 * call start under way to commit. A lease given up keeps its row, lapsed, so epochs only grow.
 */
@Repository
public class DialerLeaseRepository {

    /** Who holds a business's pacer lease, and until when. */
    public record Holder(String owner, Instant until) {

        public boolean liveAt(Instant now) {
            return until.isAfter(now);
        }
    }

    private final JdbcClient db;
    private final TransactionTemplate ownTransaction;

    /**
     * Each write in a transaction of its own: a lease is taken from event listeners that run after
     * another transaction committed, where a write would otherwise join that finished transaction.
     */
    DialerLeaseRepository(JdbcClient db, PlatformTransactionManager transactions) {
        this.db = db;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Takes or renews the business's lease for {@code node} until {@code until}: its epoch, the
     * same as {@code heldEpoch} when that renews it, a new one when the node did not hold it (or
     * started again under the same id); empty while another node's lease is live.
     */
    public OptionalLong take(long businessId, String node, Long heldEpoch, Instant now, Instant until) {
        OptionalLong taken = ownTransaction.execute(status -> {
            int updated = db.sql("""
                    update dialer_lease set owner = :node, lease_until = :until,
                        epoch = case when owner = :node and epoch = cast(:held as bigint) then epoch else epoch + 1 end
                    where business_id = :business and (owner = :node or lease_until <= :now)
                    """)
                    .param("node", node).param("until", SqlTime.toSql(until)).param("business", businessId)
                    .param("held", heldEpoch).param("now", SqlTime.toSql(now)).update();
            return updated == 1 ? OptionalLong.of(epoch(businessId)) : OptionalLong.empty();
        });
        if (taken.isPresent() || holder(businessId).isPresent()) {
            return taken;
        }
        try {
            ownTransaction.executeWithoutResult(status -> db.sql(
                            "insert into dialer_lease (business_id, owner, lease_until, epoch) values (:business, :node, :until, 1)")
                    .param("business", businessId).param("node", node).param("until", SqlTime.toSql(until)).update());
            return OptionalLong.of(1);
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            return OptionalLong.empty();
        }
    }

    private long epoch(long businessId) {
        return db.sql("select epoch from dialer_lease where business_id = :business")
                .param("business", businessId).query(Long.class).single();
    }

    /**
     * Whether {@code node} still holds the business's lease at {@code epoch}, locking its row until
     * the caller's transaction ends: joins the transaction it is called in (a call start's).
     */
    public boolean heldUnderLock(long businessId, String node, long epoch) {
        return db.sql("""
                select epoch from dialer_lease
                where business_id = :business and owner = :node and epoch = :epoch for update
                """)
                .param("business", businessId).param("node", node).param("epoch", epoch)
                .query(Long.class).optional().isPresent();
    }

    public Optional<Holder> holder(long businessId) {
        return db.sql("select owner, lease_until from dialer_lease where business_id = :business")
                .param("business", businessId)
                .query((row, n) -> new Holder(row.getString("owner"), SqlTime.instant(row, "lease_until")))
                .optional();
    }

    /**
     * Gives the lease up at once (a node shutting down), so another node need not wait for it to
     * lapse: it lapses {@code now}, keeping its epoch for the next taker to count up from.
     */
    public void release(long businessId, String node, Instant now) {
        ownTransaction.executeWithoutResult(status -> db.sql(
                        "update dialer_lease set lease_until = :now where business_id = :business and owner = :node")
                .param("business", businessId).param("node", node).param("now", SqlTime.toSql(now)).update());
    }
}
