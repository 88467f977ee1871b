package dev.outdial.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.port.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
}
