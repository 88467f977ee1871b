package dev.outdial.customer.internal;

import dev.outdial.shared.TransactionEnd;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * What claims learnt of each campaign's customers from the database, kept until a save on this node
 * changes it. A claim reads the memo before its queries and stores what it learnt after them; a save
 * that commits in between counts as a change, and the claim's lesson, drawn from rows read before
 * that commit, is dropped rather than stored over it.
 */
final class CampaignMemo<T> {

    /** What a claim saw before it read: the campaign's value, and the changes committed so far. */
    record Reading<T>(Optional<T> value, long changes) {
    }

    private final Map<Long, T> values = new ConcurrentHashMap<>();
    private final Map<Long, Long> changes = new ConcurrentHashMap<>();

    Reading<T> read(long campaignId) {
        long seen = changes.getOrDefault(campaignId, 0L);
        return new Reading<>(Optional.ofNullable(values.get(campaignId)), seen);
    }

    /**
     * Keeps what the claim that read {@code reading} learnt, unless a change committed since. A claim
     * whose transaction rolls back (it commits with the dial it claimed for, which may fail) took
     * nobody after all: what it learnt is dropped then.
     */
    void learn(long campaignId, Reading<T> reading, T value) {
        values.compute(campaignId, (id, current) ->
                changes.getOrDefault(campaignId, 0L) == reading.changes() ? value : current);
        TransactionEnd.ifRolledBack(() -> forget(campaignId));
    }

    void forget(long campaignId) {
        values.remove(campaignId);
    }

    /** Once the current transaction commits: a change of the campaign's customers, which drops a value {@code outdated} says it outdates. */
    void changed(long campaignId, Predicate<T> outdated) {
        TransactionEnd.afterCommit(() -> {
            changes.merge(campaignId, 1L, Long::sum);
            values.computeIfPresent(campaignId, (id, value) -> outdated.test(value) ? null : value);
        });
    }
}
