package dev.outdial.shared;

import java.time.Duration;
import org.springframework.context.annotation.Profile;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands again to their listeners the events whose listener failed or whose node stopped before it
 * finished (the event publication registry keeps them): every minute, those older than a minute,
 * so a listener still at work on a live node is left alone. At least once, not exactly once: a
 * node dying between a listener's commit and the registry's note of it repeats that one event.
 */
@Component
@Profile("!audit")
class UnfinishedEvents {

    static final Duration SETTLING = Duration.ofMinutes(1);

    private final IncompleteEventPublications incomplete;

    UnfinishedEvents(IncompleteEventPublications incomplete) {
        this.incomplete = incomplete;
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void resubmit() {
        incomplete.resubmitIncompletePublicationsOlderThan(SETTLING);
    }
}
