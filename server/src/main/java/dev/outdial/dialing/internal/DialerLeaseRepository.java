package dev.outdial.dialing.internal;

import dev.outdial.shared.SqlTime;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The businesses' pacer leases (ARCHITECTURE §7). Each statement commits on its own: taking a
 * lease is one conditional update (its row lock makes two takers of a lapsed lease take turns, and
 * the second then finds it live), or, for a business without a row yet, one insert whose primary
 * key lets only one of two racing nodes in.
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

    /** Takes or renews the business's lease for {@code node} until {@code until}; false while another node's lease is live. */
    public boolean take(long businessId, String node, Instant now, Instant until) {
        Integer renewed = ownTransaction.execute(status -> db.sql("""
                update dialer_lease set owner = :node, lease_until = :until
                where business_id = :business and (owner = :node or lease_until <= :now)
                """)
                .param("node", node).param("until", SqlTime.toSql(until)).param("business", businessId)
                .param("now", SqlTime.toSql(now)).update());
        if (renewed != null && renewed == 1) {
            return true;
        }
        if (holder(businessId).isPresent()) {
            return false;
        }
        try {
            ownTransaction.executeWithoutResult(status -> db.sql(
                            "insert into dialer_lease (business_id, owner, lease_until) values (:business, :node, :until)")
                    .param("business", businessId).param("node", node).param("until", SqlTime.toSql(until)).update());
            return true;
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            return false;
        }
    }

    public Optional<Holder> holder(long businessId) {
        return db.sql("select owner, lease_until from dialer_lease where business_id = :business")
                .param("business", businessId)
                .query((row, n) -> new Holder(row.getString("owner"), SqlTime.instant(row, "lease_until")))
                .optional();
    }

    /** Gives the lease up at once (a node shutting down), so another node need not wait for it to lapse. */
    public void release(long businessId, String node) {
        ownTransaction.executeWithoutResult(status -> db.sql(
                        "delete from dialer_lease where business_id = :business and owner = :node")
                .param("business", businessId).param("node", node).update());
    }
}
