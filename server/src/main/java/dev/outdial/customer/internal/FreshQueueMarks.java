package dev.outdial.customer.internal;

import dev.outdial.engine.rules.QueuedCustomer;
import dev.outdial.shared.AfterCommit;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Where each campaign's queue of fresh customers was last taken from, so the next claim starts
 * there instead of at the queue's head (issue 18).
 *
 * <p>Why: a claimed customer leaves its entry in the claim queue's index behind, dead, until
 * VACUUM removes it, and PostgreSQL's autovacuum comes to a table of a million customers after
 * some 200,000 dead rows. A claim that starts at the head steps over every customer claimed since
 * then: 28 index pages for 3,000 claims, and the count grows with the hours a campaign runs. A
 * claim that starts after the last customer taken reads a page or two, however long it has run.
 *
 * <p>What may come back behind the mark: a customer released without a call, freed of a hold, or
 * made new again. A save on this node that does so {@link #rewind rewinds} the campaign's mark as
 * it commits (a claim that read before the commit cannot set it forward again); one made through
 * another node is reached when the mark is dropped, {@link #LIFETIME} after the head was last
 * read, or as soon as the customers after the mark run short. Only the order among fresh
 * customers can slip, for that long: no rule of who may be called depends on the mark.
 */
@Component
public class FreshQueueMarks {

    /** How long a mark is used before a claim reads from the queue's head again. */
    static final Duration LIFETIME = Duration.ofSeconds(30);

    /** The last fresh customer taken, in the queue's order, and when the head was last read. */
    record Mark(Instant addedAt, long customerId, Instant headReadAt) {
    }

    /** A claim's view of its campaign's mark: the mark to start after, and the rewinds it has seen. */
    record Reading(Optional<Mark> mark, long rewinds) {
    }

    private final Map<Long, Mark> marks = new ConcurrentHashMap<>();
    private final Map<Long, Long> rewinds = new ConcurrentHashMap<>();

    /** The mark a claim at {@code now} starts after, if it has one still young enough. */
    Reading read(long campaignId, Instant now) {
        long seen = rewinds.getOrDefault(campaignId, 0L);
        Optional<Mark> mark = Optional.ofNullable(marks.get(campaignId))
                .filter(m -> now.isBefore(m.headReadAt().plus(LIFETIME)) && !now.isBefore(m.headReadAt()));
        return new Reading(mark, seen);
    }

    /**
     * The claim that read {@code reading} took fresh customers up to {@code last}; {@code fromHead}
     * when it read the queue from its head. Ignored if the campaign was rewound meanwhile.
     */
    void passed(long campaignId, Reading reading, QueuedCustomer last, boolean fromHead, Instant now) {
        Instant headReadAt = fromHead ? now : reading.mark().orElseThrow().headReadAt();
        Mark next = new Mark(last.addedAt(), last.customerId(), headReadAt);
        marks.compute(campaignId, (id, current) ->
                rewinds.getOrDefault(campaignId, 0L) == reading.rewinds() ? next : current);
    }

    /** Forgets the campaign's mark: the next claim reads its fresh customers from the head. */
    void forget(long campaignId) {
        marks.remove(campaignId);
    }

    /**
     * A customer of the campaign is fresh again and may lie behind the mark: the mark goes once the
     * change commits, and no claim that read before then sets it again.
     */
    void rewind(long campaignId) {
        AfterCommit.run(() -> {
            rewinds.merge(campaignId, 1L, Long::sum);
            marks.remove(campaignId);
        });
    }
}
