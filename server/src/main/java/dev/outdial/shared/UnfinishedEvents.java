package dev.outdial.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.annotation.Profile;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands again to their listeners the events whose listener failed or whose node stopped before it
 * finished (the event publication registry keeps them): every minute, those older than a minute,
 * so a listener still at work on a live node is left alone, and at most {@value #ATTEMPTS} times,
 * so an event no attempt can finish (its customer deleted since) stops coming back; it stays in
 * the registry's table for an operator to see. At least once, not exactly once: a node dying
 * between a listener's commit and the registry's note of it repeats that one event.
 */
@Component
@Profile("!audit")
class UnfinishedEvents {

    static final Duration SETTLING = Duration.ofMinutes(1);
    static final int ATTEMPTS = 5;

    private final IncompleteEventPublications incomplete;
    private final Clock clock;

    UnfinishedEvents(IncompleteEventPublications incomplete, Clock clock) {
        this.incomplete = incomplete;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void resubmit() {
        Instant settled = clock.instant().minus(SETTLING);
        incomplete.resubmitIncompletePublications(publication -> publication.getPublicationDate().isBefore(settled)
                && publication.getCompletionAttempts() < ATTEMPTS);
    }
}
