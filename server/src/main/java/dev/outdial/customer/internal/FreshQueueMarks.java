package dev.outdial.customer.internal;

import dev.outdial.engine.rules.QueuedCustomer;
import java.time.Duration;
import java.time.Instant;
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

    private final CampaignMemo<Mark> marks = new CampaignMemo<>();

    /** The mark a claim at {@code now} starts after, if it has one still young enough. */
    CampaignMemo.Reading<Mark> read(long campaignId, Instant now) {
        CampaignMemo.Reading<Mark> reading = marks.read(campaignId);
        return new CampaignMemo.Reading<>(reading.value()
                .filter(m -> now.isBefore(m.headReadAt().plus(LIFETIME)) && !now.isBefore(m.headReadAt())),
                reading.changes());
    }

    /**
     * The claim that read {@code reading} took fresh customers up to {@code last}; {@code fromHead}
     * when it read the queue from its head. Ignored if the campaign was rewound meanwhile.
     */
    void passed(long campaignId, CampaignMemo.Reading<Mark> reading, QueuedCustomer last, boolean fromHead,
                Instant now) {
        Instant headReadAt = fromHead ? now : reading.value().orElseThrow().headReadAt();
        marks.learn(campaignId, reading, new Mark(last.addedAt(), last.customerId(), headReadAt));
    }

    /** Forgets the campaign's mark: the next claim reads its fresh customers from the head. */
    void forget(long campaignId) {
        marks.forget(campaignId);
    }

    /**
     * A customer of the campaign is fresh again and may lie behind the mark: the mark goes once the
     * change commits, and no claim that read before then sets it again.
     */
    void rewind(long campaignId) {
        marks.changed(campaignId, mark -> true);
    }
}
