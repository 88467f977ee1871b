package dev.outdial.customer.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Until when a campaign has no callback, retry or error retry due, so its claims ask only for fresh
 * customers meanwhile (issue 18). Most claims find nothing due: the due tiers' queries cost each
 * claim three statements that return no row.
 *
 * <p>A claim whose due tiers found nothing reads the campaign's first due time. If it is ahead,
 * the campaign is quiet until then, or for {@link #RECHECK} at most; if it has passed (a customer
 * due whom the tiers' finer conditions leave out, or a tier not asked), the gate is not asked
 * again for as long. A save on this node that makes a customer due {@link #due opens} the gate as
 * it commits; one through another node (an agent's callback for now, a hold lifted) is seen at the
 * next recheck, at most that much later. Only when a due customer is called can slip, and only
 * for changes made on another node: who may be called is decided by the tiers' own queries.
 */
@Component
public class DueTierGate {

    /** The longest the gate keeps an answer without asking the database again. */
    static final Duration RECHECK = Duration.ofSeconds(1);

    /** The gate's last answer: the due tiers may be left out (quiet) or must be asked, until a time. */
    record Answer(boolean quiet, Instant until) {
    }

    /** What a claim saw of the gate before it read: whether to skip the due tiers, whether to ask the gate. */
    record Reading(boolean quiet, boolean mayAsk, CampaignMemo.Reading<Answer> memo) {
    }

    private final CampaignMemo<Answer> answers = new CampaignMemo<>();

    Reading read(long campaignId, Instant now) {
        CampaignMemo.Reading<Answer> memo = answers.read(campaignId);
        Optional<Answer> current = memo.value()
                .filter(answer -> now.isBefore(answer.until()) && !now.isBefore(answer.until().minus(RECHECK)));
        return new Reading(current.map(Answer::quiet).orElse(false), current.isEmpty(), memo);
    }

    /**
     * The due tiers found nothing at {@code now}, and {@code firstDue} is the campaign's first due
     * time: quiet until then if it is ahead. Ignored if the gate was opened since {@code reading}.
     */
    void learn(long campaignId, Reading reading, Instant now, Optional<Instant> firstDue) {
        Instant recheck = now.plus(RECHECK);
        boolean quiet = firstDue.isEmpty() || firstDue.get().isAfter(now);
        answers.learn(campaignId, reading.memo(),
                new Answer(quiet, quiet ? firstDue.filter(recheck::isAfter).orElse(recheck) : recheck));
    }

    /**
     * A customer of the campaign is due at {@code at}: once the change commits, a quiet time past
     * {@code at} ends, and no claim that read before then keeps the campaign quiet.
     */
    void due(long campaignId, Instant at) {
        answers.changed(campaignId, answer -> answer.quiet() && at.isBefore(answer.until()));
    }
}
