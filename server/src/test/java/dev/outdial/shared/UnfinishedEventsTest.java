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

/** Which unfinished events are handed back: settled ones, and none past its last attempt. */
class UnfinishedEventsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void onlyEventsOlderThanAMinuteAndTriedFewerThanFiveTimesAreHandedBack() {
        Publication settled = new Publication(NOW.minus(Duration.ofMinutes(2)), 1);
        Publication stillAtWork = new Publication(NOW.minus(Duration.ofSeconds(30)), 0);
        Publication lastChanceLeft = new Publication(NOW.minus(Duration.ofHours(1)), UnfinishedEvents.ATTEMPTS - 1);
        Publication givenUp = new Publication(NOW.minus(Duration.ofHours(1)), UnfinishedEvents.ATTEMPTS);
        Registry registry = new Registry();

        new UnfinishedEvents(registry, Clock.fixed(NOW, ZoneOffset.UTC)).resubmit();

        assertThat(List.of(settled, stillAtWork, lastChanceLeft, givenUp)).filteredOn(registry.chosen)
                .containsExactly(settled, lastChanceLeft);
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

    /** An unfinished publication: when it was published and how often it was tried. */
    private record Publication(Instant getPublicationDate, int getCompletionAttempts, UUID getIdentifier)
            implements EventPublication {

        Publication(Instant published, int attempts) {
            this(published, attempts, UUID.randomUUID());
        }

        @Override
        public Object getEvent() {
            return "an event";
        }

        @Override
        public Optional<Instant> getCompletionDate() {
            return Optional.empty();
        }

        @Override
        public Status getStatus() {
            return Status.FAILED;
        }

        @Override
        public Instant getLastResubmissionDate() {
            return null;
        }
    }
}
