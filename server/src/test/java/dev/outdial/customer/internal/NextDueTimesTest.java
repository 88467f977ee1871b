package dev.outdial.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class NextDueTimesTest {

    private static final long CAMPAIGN = 7;
    private static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");

    private final NextDueTimes times = new NextDueTimes();
    private final AtomicInteger reads = new AtomicInteger();

    private Supplier<Optional<Instant>> database(Optional<Instant> firstDue) {
        return () -> {
            reads.incrementAndGet();
            return firstDue;
        };
    }

    @Test
    void aKeptAnswerTellsTheLoopToLookAgainAtTheRecheckWhenTheFirstDueTimeIsLater() {
        Optional<Instant> inAMinute = Optional.of(NOW.plusSeconds(60));
        assertThat(times.nextLook(CAMPAIGN, NOW, database(inAMinute))).isEqualTo(inAMinute);

        assertThat(times.nextLook(CAMPAIGN, NOW.plusMillis(300), database(inAMinute)))
                .contains(NOW.plus(NextDueTimes.RECHECK));
        assertThat(reads).as("the second question answered from memory").hasValue(1);

        assertThat(times.nextLook(CAMPAIGN, NOW.plus(NextDueTimes.RECHECK), database(inAMinute))).isEqualTo(inAMinute);
        assertThat(reads).as("asked again at the recheck").hasValue(2);
    }

    @Test
    void aKeptAnswerSaysADueTimeBeforeTheRecheckAndIsAskedAgainOnceItHasPassed() {
        Optional<Instant> soon = Optional.of(NOW.plusMillis(400));
        times.nextLook(CAMPAIGN, NOW, database(soon));

        assertThat(times.nextLook(CAMPAIGN, NOW.plusMillis(100), database(Optional.empty()))).isEqualTo(soon);
        assertThat(times.nextLook(CAMPAIGN, NOW.plusMillis(400), database(Optional.empty()))).isEmpty();
        assertThat(reads).hasValue(2);
    }

    @Test
    void nobodyWaitingIsKeptUntilTheRecheck() {
        times.nextLook(CAMPAIGN, NOW, database(Optional.empty()));

        assertThat(times.nextLook(CAMPAIGN, NOW.plusMillis(999), database(Optional.empty())))
                .contains(NOW.plus(NextDueTimes.RECHECK));
        assertThat(reads).hasValue(1);
    }

    @Test
    void aCustomerMadeDueSoonerDropsTheKeptAnswerAndOutranksAReadBeforeIt() {
        Optional<Instant> inAMinute = Optional.of(NOW.plusSeconds(60));
        times.nextLook(CAMPAIGN, NOW, database(inAMinute));
        times.due(CAMPAIGN, NOW.plusSeconds(90));
        times.nextLook(CAMPAIGN, NOW.plusMillis(10), database(inAMinute));
        assertThat(reads).as("due after the kept answer: kept").hasValue(1);

        times.due(CAMPAIGN, NOW.plusSeconds(30));
        Optional<Instant> inHalfAMinute = Optional.of(NOW.plusSeconds(30));
        assertThat(times.nextLook(CAMPAIGN, NOW.plusMillis(20), database(inHalfAMinute))).isEqualTo(inHalfAMinute);
        assertThat(reads).as("due sooner: asked again").hasValue(2);

        // A read that began before a customer became due must not keep its answer over the news.
        Optional<Instant> stale = Optional.of(NOW.plusSeconds(60));
        times.due(CAMPAIGN, NOW.plusSeconds(5));
        times.nextLook(CAMPAIGN, NOW.plusMillis(30), () -> {
            reads.incrementAndGet();
            times.due(CAMPAIGN, NOW.plusSeconds(2));
            return stale;
        });
        times.nextLook(CAMPAIGN, NOW.plusMillis(40), database(Optional.of(NOW.plusSeconds(2))));
        assertThat(reads).as("the read that raced the news was not kept").hasValue(4);
    }
}
