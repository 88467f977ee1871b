package dev.outdial.customer.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * When each campaign's pacing loop should next look for a due customer (issue 18). The loop asks
 * after every round, several times a second on a busy campaign, and the answer (a query over the
 * campaign's retries, callbacks and error retries) changes far less often.
 *
 * <p>An answer read from the database is kept for {@link #RECHECK}. Within it the loop is told the
 * first due time if it comes before the recheck, else the recheck itself: the loop then wakes by
 * then and the database is asked again. A save on this node that makes a customer due sooner drops
 * the kept answer as it commits; a change through another node, or one the saves do not announce
 * (a hold lifted in bulk), is seen at the recheck, as late as the claims' {@link DueTierGate} sees it.
 */
@Component
public class NextDueTimes {

    /** How long an answer is kept: as long as the claims keep theirs. */
    static final Duration RECHECK = DueTierGate.RECHECK;

    /** The database's answer at {@code askedAt}: the first due time after it, if any. */
    private record Answer(Instant askedAt, Optional<Instant> firstDue) {

        boolean servesAt(Instant now) {
            return !now.isBefore(askedAt) && now.isBefore(recheck()) && firstDue.map(now::isBefore).orElse(true);
        }

        /** When the loop should look next: the first due time, or the recheck if that comes sooner. */
        Instant lookAgainAt() {
            return firstDue.filter(due -> due.isBefore(recheck())).orElse(recheck());
        }

        Instant recheck() {
            return askedAt.plus(RECHECK);
        }
    }

    private final CampaignMemo<Answer> answers = new CampaignMemo<>();

    /**
     * The first due time after {@code now} as the {@code database} tells it, or, from an answer kept
     * since less than {@link #RECHECK} ago, that time or the recheck, whichever comes first. Never
     * later than a due time a save on this node announced.
     */
    Optional<Instant> nextLook(long campaignId, Instant now, Supplier<Optional<Instant>> database) {
        CampaignMemo.Reading<Answer> reading = answers.read(campaignId);
        Optional<Answer> kept = reading.value().filter(answer -> answer.servesAt(now));
        if (kept.isPresent()) {
            return Optional.of(kept.get().lookAgainAt());
        }
        Optional<Instant> firstDue = database.get();
        answers.learn(campaignId, reading, new Answer(now, firstDue));
        return firstDue;
    }

    /** A customer of the campaign is due at {@code at}: once the change commits, an answer past it is dropped. */
    void due(long campaignId, Instant at) {
        answers.changed(campaignId, answer -> answer.firstDue().map(at::isBefore).orElse(true));
    }
}
