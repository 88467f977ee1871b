package dev.outdial.engine.rules;

import static dev.outdial.engine.rules.DialVerdict.Reason.AFTER_END;
import static dev.outdial.engine.rules.DialVerdict.Reason.BEFORE_START;
import static dev.outdial.engine.rules.DialVerdict.Reason.OUTSIDE_LOCAL_CALLING_HOURS;
import static dev.outdial.engine.rules.DialVerdict.Reason.OUTSIDE_WORKING_HOURS;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When a campaign may dial, and when a called party may be rung: "none outside working hours, the
 * campaign's window or the called party's allowed local hours (where the business sets them)".
 *
 * <p>A number whose geography spans several zones is dialed only when it is inside the local
 * hours in all of them, and not at all when its zone cannot be known: compliance errs on the safe
 * side.
 *
 * @param start             the campaign's start time: "nothing is dialed until the start time"
 * @param end               the campaign's end time, if it has one: after it "nothing is dialed again"
 * @param workingHours      the campaign's working hours, in the business's zone
 * @param localCallingHours the called party's allowed hours, if the business sets them; evaluated
 *                          in each of the called number's zones, whatever zone they were built in
 * @param calledPartyZones  where the called number rings
 */
public record CallingWindow(
        Instant start,
        Optional<Instant> end,
        WeeklySchedule workingHours,
        Optional<WeeklySchedule> localCallingHours,
        CalledPartyZones calledPartyZones) {

    public CallingWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(workingHours, "workingHours");
        Objects.requireNonNull(localCallingHours, "localCallingHours");
        Objects.requireNonNull(calledPartyZones, "calledPartyZones");
        end.filter(until -> !until.isAfter(start)).ifPresent(until -> {
            throw new IllegalArgumentException("the end time " + until + " must be after the start time " + start);
        });
    }

    /** The same window with other working hours (changed, or read in another zone). */
    public CallingWindow withWorkingHours(WeeklySchedule hours) {
        return new CallingWindow(start, end, hours, localCallingHours, calledPartyZones);
    }

    /** Whether the campaign may dial anyone at {@code now}: the UI's reason when it does not. */
    public DialVerdict campaignVerdict(Instant now) {
        if (now.isBefore(start)) {
            return DialVerdict.refused(BEFORE_START, "the campaign starts at " + start);
        }
        // Asked at every pacing round and every dial: no lambda made for the question each time.
        if (end.isPresent() && !now.isBefore(end.get())) {
            return DialVerdict.refused(AFTER_END, "the campaign ended at " + end.get());
        }
        if (!workingHours.isOpen(now)) {
            return DialVerdict.refused(OUTSIDE_WORKING_HOURS, "outside the working hours "
                    + workingHours.nextOpening(now).map(next -> "until " + next).orElse("for good"));
        }
        return DialVerdict.allowed();
    }

    /**
     * Until when the campaign may go on dialing, where it may dial at {@code now}: its end time, or
     * the close of the working hours' range it is in, whichever comes first. Empty when it may not dial
     * now, and when neither is in sight (no end time, ranges that run on into the next).
     */
    public Optional<Instant> dialingUntil(Instant now) {
        if (!campaignVerdict(now).isAllowed()) {
            return Optional.empty();
        }
        Optional<Instant> close = workingHours.closingAfter(now);
        if (end.isEmpty()) {
            return close;
        }
        return Optional.of(close.filter(closing -> closing.isBefore(end.get())).orElse(end.get()));
    }

    /** Whether {@code calledNumber} (E.164) may be rung at {@code now}. */
    public DialVerdict verdict(Instant now, String calledNumber) {
        DialVerdict campaign = campaignVerdict(now);
        if (!campaign.isAllowed() || localCallingHours.isEmpty()) {
            return campaign;
        }
        List<ZoneId> zones = calledPartyZones.zonesOf(calledNumber);
        if (zones.isEmpty()) {
            return DialVerdict.refused(OUTSIDE_LOCAL_CALLING_HOURS,
                    "the time zone of " + calledNumber + " is unknown, so its local hours cannot be honoured");
        }
        for (ZoneId zone : zones) {
            if (!localCallingHours.get().inZone(zone).isOpen(now)) {
                return DialVerdict.refused(OUTSIDE_LOCAL_CALLING_HOURS,
                        "outside the local calling hours of " + calledNumber + " in " + zone);
            }
        }
        return DialVerdict.allowed();
    }
}
