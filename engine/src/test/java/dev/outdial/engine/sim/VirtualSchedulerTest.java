package dev.outdial.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.port.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VirtualSchedulerTest {

    static final Instant NINE = Instant.parse("2025-03-03T09:00:00Z");

    VirtualScheduler scheduler = new VirtualScheduler(NINE);
    List<String> ran = new ArrayList<>();

    @Test
    void tasksRunByTimeThenInTheOrderTheyWereScheduled() {
        scheduler.after(Duration.ofSeconds(2), () -> ran.add("late"));
        scheduler.after(Duration.ofSeconds(1), () -> ran.add("first"));
        scheduler.after(Duration.ofSeconds(1), () -> ran.add("second"));

        scheduler.runFor(Duration.ofSeconds(5));

        assertThat(ran).containsExactly("first", "second", "late");
        assertThat(scheduler.now()).isEqualTo(NINE.plusSeconds(5));
    }

    @Test
    void timeStandsAtEachTaskWhileItRuns() {
        scheduler.after(Duration.ofMinutes(3), () -> ran.add(scheduler.now().toString()));

        scheduler.runFor(Duration.ofHours(1));

        assertThat(ran).containsExactly("2025-03-03T09:03:00Z");
    }

    @Test
    void cancelledTaskNeverRunsAndTasksPastTheEndWait() {
        Scheduler.Cancellable cancelled = scheduler.after(Duration.ofSeconds(1), () -> ran.add("cancelled"));
        scheduler.after(Duration.ofMinutes(2), () -> ran.add("later"));
        cancelled.cancel();

        scheduler.runFor(Duration.ofMinutes(1));
        assertThat(ran).isEmpty();

        scheduler.runFor(Duration.ofMinutes(1));
        assertThat(ran).containsExactly("later");
    }

    @Test
    void taskScheduledInThePastRunsNowWithoutMovingTimeBack() {
        scheduler.runFor(Duration.ofMinutes(1));
        scheduler.at(NINE, () -> ran.add(scheduler.now().toString()));

        scheduler.runFor(Duration.ZERO);

        assertThat(ran).containsExactly("2025-03-03T09:01:00Z");
    }

    @Test
    void thousandsOfTasksAtRandomTimesRunByTimeThenSchedulingOrderEvenAsTheyScheduleMore() {
        // Many tasks share a millisecond or a second, some are scheduled from inside others; every one
        // runs in (time, order scheduled), whatever the heap does with them.
        Random random = new Random(15);
        List<long[]> runs = new ArrayList<>();
        long[] scheduledSoFar = {0};
        for (int i = 0; i < 20_000; i++) {
            scheduleRandomly(random, runs, scheduledSoFar, 2);
        }

        scheduler.runFor(Duration.ofHours(2));

        assertThat(runs).hasSize((int) scheduledSoFar[0]);
        for (int i = 1; i < runs.size(); i++) {
            long[] before = runs.get(i - 1);
            long[] after = runs.get(i);
            assertThat(after[0] > before[0] || after[0] == before[0] && after[1] > before[1])
                    .as("task %d (at %d ns, scheduled %d) after task at %d ns, scheduled %d",
                            i, after[0], after[1], before[0], before[1])
                    .isTrue();
        }
    }

    private void scheduleRandomly(Random random, List<long[]> runs, long[] scheduledSoFar, int depth) {
        long order = scheduledSoFar[0]++;
        Duration delay = switch (random.nextInt(3)) {
            case 0 -> Duration.ofSeconds(random.nextInt(60));
            case 1 -> Duration.ofMillis(random.nextInt(60_000));
            default -> Duration.ofNanos(random.nextLong(60_000_000_000L));
        };
        Instant due = scheduler.now().plus(delay);
        scheduler.at(due, () -> {
            Instant now = scheduler.now();
            runs.add(new long[] {now.getEpochSecond() * 1_000_000_000L + now.getNano(), order});
            if (depth > 0 && random.nextInt(4) == 0) {
                scheduleRandomly(random, runs, scheduledSoFar, depth - 1);
            }
        });
    }
}
