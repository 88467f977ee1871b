package dev.outdial.engine.pacing;

import dev.outdial.engine.port.Scheduler;
import java.time.Instant;
import java.util.Optional;

/**
 * Wakes a campaign's dialer at a moment ahead (working hours opening, a customer due, hotlines
 * back): only the earliest asked for is kept, so a pacing round that asks again schedules nothing.
 */
final class WakeUpAlarm {

    private final Scheduler scheduler;
    private final Runnable wake;
    private Scheduler.Cancellable wakeUp = Scheduler.Cancellable.NONE;
    private Optional<Instant> wakeUpAt = Optional.empty();

    WakeUpAlarm(Scheduler scheduler, Runnable wake) {
        this.scheduler = scheduler;
        this.wake = wake;
    }

    void at(Instant when) {
        if (wakeUpAt.filter(scheduled -> !scheduled.isAfter(when)).isPresent()) {
            return;
        }
        wakeUp.cancel();
        wakeUpAt = Optional.of(when);
        wakeUp = scheduler.at(when, () -> {
            wakeUpAt = Optional.empty();
            wake.run();
        });
    }

    void cancel() {
        wakeUp.cancel();
        wakeUpAt = Optional.empty();
    }
}
