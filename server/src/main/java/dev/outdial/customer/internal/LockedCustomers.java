package dev.outdial.customer.internal;

import dev.outdial.engine.customer.CustomerState;
import dev.outdial.shared.TransactionEnd;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The customers whose rows this transaction has locked, as it last read or wrote them: their state and
 * classification, which say where the progress counts hold them ({@link CustomerStateRepository.Counted}).
 *
 * <p>A move of a customer whose last call reached them is counted under its classification, and an agent's word
 * moves the count from the old classification to the new one. Both read the row again for it: a query for the
 * classification at each such move and a locking read before the agent's word, about one statement an attempt in
 * the live bench (issue 18). The row is locked already, by the read that found the customer or by the write that
 * moved it, so nobody else changes it until this transaction ends, and what this transaction read or wrote of it
 * is what it holds.
 */
@Component
class LockedCustomers {

    /** The customer's row, read under its lock (by a query that selected {@code classification_id}). */
    void read(long customerId, CustomerState state, ResultSet row) throws SQLException {
        long classification = row.getLong("classification_id");
        known(customerId, new CustomerStateRepository.Counted(state, row.wasNull() ? null : classification));
    }

    /** The customer as this transaction holds it now, its row locked; outside a transaction nothing is kept. */
    void known(long customerId, CustomerStateRepository.Counted counted) {
        TransactionEnd.collected(this, HashMap<Long, CustomerStateRepository.Counted>::new, LockedCustomers::keepNothing)
                .ifPresent(locked -> locked.put(customerId, counted));
    }

    /** The customer's row was written with {@code state}: its classification as known, if it is. */
    void wrote(long customerId, CustomerState state) {
        held().ifPresent(locked -> locked.computeIfPresent(customerId,
                (id, was) -> new CustomerStateRepository.Counted(state, was.classificationId())));
    }

    /** The customer as this transaction last read or wrote it, if it did under a lock. */
    Optional<CustomerStateRepository.Counted> of(long customerId) {
        return held().map(locked -> locked.get(customerId));
    }

    /** The customer's row is gone, or no longer known as it stands. */
    void forget(long customerId) {
        held().ifPresent(locked -> locked.remove(customerId));
    }

    private Optional<Map<Long, CustomerStateRepository.Counted>> held() {
        return TransactionEnd.collectedSoFar(this);
    }

    /** Nothing to write at the commit: the memory only spares reads, and is forgotten with the transaction. */
    private static void keepNothing(Map<Long, CustomerStateRepository.Counted> locked) {
    }
}
