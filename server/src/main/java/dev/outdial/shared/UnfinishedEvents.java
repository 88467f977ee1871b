package dev.outdial.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.annotation.Profile;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands again to their listeners the events whose listener failed or whose node stopped before it
 * finished (the event publication registry keeps them): every minute, a failed one a minute after
 * its last try, and one still marked published or in processing only once it has waited
 * {@value #STALLED_MINUTES} minutes — a busy node's listeners work through a queue, and handing back
 * what is merely queued would run it twice. At most {@value #ATTEMPTS} times, so an event no
 * attempt can finish (its customer deleted since) stops coming back; it stays in the registry's
 * table for an operator to see. At least once, not exactly once: a node dying between a listener's
 * commit and the registry's note of it repeats that one event.
 */
@Component
@Profile("!audit")
class UnfinishedEvents {

    static final Duration SETTLING = Duration.ofMinutes(1);
    static final long STALLED_MINUTES = 10;
    static final int ATTEMPTS = 5;

    private final IncompleteEventPublications incomplete;
    private final Clock clock;

    UnfinishedEvents(IncompleteEventPublications incomplete, Clock clock) {
        this.incomplete = incomplete;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void resubmit() {
        Instant now = clock.instant();
        incomplete.resubmitIncompletePublications(publication -> publication.getCompletionAttempts() < ATTEMPTS
                && lastTried(publication).isBefore(now.minus(waitBeforeHandingBack(publication))));
    }

    private static Duration waitBeforeHandingBack(EventPublication publication) {
        return publication.getStatus() == EventPublication.Status.FAILED ? SETTLING : Duration.ofMinutes(STALLED_MINUTES);
    }

    private static Instant lastTried(EventPublication publication) {
        Instant resubmitted = publication.getLastResubmissionDate();
        Instant published = publication.getPublicationDate();
        return resubmitted != null && resubmitted.isAfter(published) ? resubmitted : published;
    }
}
