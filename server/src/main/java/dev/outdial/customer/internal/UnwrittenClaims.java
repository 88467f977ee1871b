package dev.outdial.customer.internal;

import dev.outdial.engine.rules.QueuedCustomer;
import dev.outdial.shared.TransactionEnd;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Claims this transaction made whose row it has not written yet (issue 18).
 *
 * <p>A claim the pacing dials at once is written again in the same transaction by the dial's passage
 * ({@code Dialed}). Written each time, that is two updates of one row, and as both change columns the table's
 * indexes read, each adds an entry to every one of them. So the claim's write waits here: the transaction's next
 * write of the customer stores its later state over the row as it was, once; a claim nothing writes again (a
 * preview, an agent-first ring, a dial the gate stopped without a write) is written just before the transaction
 * commits. Only the row's write waits: the claim's counts, its announcement and the claim queues' news are taken
 * when it is made.
 *
 * <p>The claim's {@code SELECT … FOR UPDATE} keeps the row locked until the transaction ends, so no other
 * transaction reads it for update or writes it meanwhile. Inside this one, {@link JdbcCustomerStore} reads the
 * claim from here, and {@link CustomerStateRepository}'s other readers and writers have it written first.
 */
@Component
class UnwrittenClaims {

    private record Claim(long campaignId, QueuedCustomer claimed, Runnable write) {
    }

    /** Holds back {@code write}, the claim's write of the customer's row; outside a transaction it writes now. */
    void hold(long campaignId, QueuedCustomer claimed, Runnable write) {
        TransactionEnd.collected(this, TreeMap<Long, Claim>::new, UnwrittenClaims::writeAll)
                .ifPresentOrElse(claims -> claims.put(claimed.customerId(), new Claim(campaignId, claimed, write)), write);
    }

    /**
     * The customer as this transaction claimed it, if the claim's row is not written yet: as it is stored, for
     * this transaction, and locked by it, so it need not be read again.
     */
    Optional<QueuedCustomer> claimed(long campaignId, long customerId) {
        return held().map(claims -> claims.get(customerId))
                .filter(claim -> claim.campaignId() == campaignId).map(Claim::claimed);
    }

    /** The campaign's customers this transaction claimed, their rows not written yet (they still read as unclaimed). */
    Set<Long> claimedIn(long campaignId) {
        return held().map(claims -> claims.entrySet().stream()
                        .filter(claim -> claim.getValue().campaignId() == campaignId)
                        .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }

    /** Forgets the customer's claim: the caller writes the row with a later state, over the claim's. */
    void superseded(long customerId) {
        held().ifPresent(claims -> claims.remove(customerId));
    }

    /** Writes the claims of these customers now, for a read or a write of their rows that does not ask this class. */
    void writeNow(Collection<Long> customerIds) {
        held().ifPresent(claims -> customerIds.forEach(id -> {
            Claim claim = claims.remove(id);
            if (claim != null) {
                claim.write().run();
            }
        }));
    }

    private Optional<TreeMap<Long, Claim>> held() {
        return TransactionEnd.collectedSoFar(this);
    }

    /** In id order, as every locking write of many customers goes (their rows are locked already). */
    private static void writeAll(TreeMap<Long, Claim> claims) {
        claims.values().forEach(claim -> claim.write().run());
        claims.clear();
    }
}
