package dev.outdial.engine.sim.forecast;

import dev.outdial.engine.rules.CallingWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Lays the dialing time a campaign needs on its calendar: "a RUNNING campaign dials only inside its
 * working hours and before its end time", so the work is done once that much open time has passed.
 */
public final class DialingCalendar {

    /** Far enough for any campaign a person plans; a longer need answers "not before its end". */
    static final Duration SEARCHED = Duration.ofDays(366);
    private static final Duration STEP = Duration.ofMinutes(1);

    private DialingCalendar() {
    }

    /**
     * When {@code dialing} of open time, counted from {@code from}, has passed in the window; empty
     * if the campaign ends (or the search gives up) first.
     */
    public static Optional<Instant> doneAfter(CallingWindow window, Instant from, Duration dialing) {
        Instant limit = from.plus(SEARCHED);
        Instant at = from.isBefore(window.start()) ? window.start() : from.truncatedTo(ChronoUnit.MINUTES);
        long minutesLeft = Math.max(0, (dialing.toSeconds() + 59) / 60);
        Instant end = window.end().orElse(Instant.MAX);
        while (minutesLeft > 0) {
            if (at.isAfter(limit) || !at.isBefore(end)) {
                return Optional.empty();
            }
            if (window.workingHours().isOpen(at)) {
                minutesLeft--;
                at = at.plus(STEP);
            } else {
                Optional<Instant> opening = window.workingHours().nextOpening(at);
                if (opening.isEmpty()) {
                    return Optional.empty();
                }
                at = opening.get().isAfter(at) ? opening.get() : at.plus(STEP);
            }
        }
        return Optional.of(at);
    }
}
