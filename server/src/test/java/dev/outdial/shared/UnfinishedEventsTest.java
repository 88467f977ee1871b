package dev.outdial.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

/**
 * Which unfinished events are handed back: failed ones after a minute, queued or in-processing ones
 * only once stalled, and none past its last attempt.
 */
class UnfinishedEventsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void failedEventsOlderThanAMinuteAndTriedFewerThanFiveTimesAreHandedBack() {
        Publication settled = failed(NOW.minus(Duration.ofMinutes(2)), 1);
        Publication stillAtWork = failed(NOW.minus(Duration.ofSeconds(30)), 0);
        Publication lastChanceLeft = failed(NOW.minus(Duration.ofHours(1)), UnfinishedEvents.ATTEMPTS - 1);
        Publication givenUp = failed(NOW.minus(Duration.ofHours(1)), UnfinishedEvents.ATTEMPTS);
        Publication triedAgainJustNow = new Publication(NOW.minus(Duration.ofHours(1)), 2, EventPublication.Status.FAILED,
                NOW.minus(Duration.ofSeconds(10)));

        assertThat(handedBack(settled, stillAtWork, lastChanceLeft, givenUp, triedAgainJustNow))
                .containsExactly(settled, lastChanceLeft);
    }

    @Test
    void anEventWaitingInABusyListenersQueueIsLeftAloneUntilItStalls() {
        Publication queued = waiting(EventPublication.Status.PUBLISHED, Duration.ofMinutes(3));
        Publication inProcessing = waiting(EventPublication.Status.PROCESSING, Duration.ofMinutes(5));
        Publication leftByADeadNode = waiting(EventPublication.Status.PROCESSING,
                Duration.ofMinutes(UnfinishedEvents.STALLED_MINUTES + 1));
        Publication neverStarted = waiting(EventPublication.Status.PUBLISHED, Duration.ofMinutes(UnfinishedEvents.STALLED_MINUTES + 1));

        assertThat(handedBack(queued, inProcessing, leftByADeadNode, neverStarted))
                .containsExactly(leftByADeadNode, neverStarted);
    }

    private static List<Publication> handedBack(Publication... publications) {
        Registry registry = new Registry();
        new UnfinishedEvents(registry, Clock.fixed(NOW, ZoneOffset.UTC)).resubmit();
        return List.of(publications).stream().filter(registry.chosen::test).toList();
    }

    private static Publication failed(Instant published, int attempts) {
        return new Publication(published, attempts, EventPublication.Status.FAILED, null);
    }

    private static Publication waiting(EventPublication.Status status, Duration since) {
        return new Publication(NOW.minus(since), 0, status, null);
    }

    /** Keeps what the job asked to hand back. */
    private static final class Registry implements IncompleteEventPublications {

        Predicate<EventPublication> chosen = publication -> false;

        @Override
        public void resubmitIncompletePublications(Predicate<EventPublication> filter) {
            chosen = filter;
        }

        @Override
        public void resubmitIncompletePublicationsOlderThan(Duration duration) {
            throw new AssertionError("the job filters by age and attempts itself");
        }

        @Override
        public void resubmitIncompletePublications(ResubmissionOptions options) {
            throw new AssertionError("the job filters by age and attempts itself");
        }
    }

    /** An unfinished publication: when it was published, how often tried, its status and its last resubmission. */
    private record Publication(Instant getPublicationDate, int getCompletionAttempts, Status getStatus,
                               Instant getLastResubmissionDate, UUID getIdentifier) implements EventPublication {

        Publication(Instant published, int attempts, Status status, Instant resubmitted) {
            this(published, attempts, status, resubmitted, UUID.randomUUID());
        }

        @Override
        public Object getEvent() {
            return "an event";
        }

        @Override
        public Optional<Instant> getCompletionDate() {
            return Optional.empty();
        }
    }
}
