package dev.outdial.dialing.internal;

import dev.outdial.business.TimeZoneVersion;
import dev.outdial.campaign.CampaignSettingsVersion;
import dev.outdial.campaign.settings.WorkingHoursVersion;
import dev.outdial.engine.customer.DialType;
import dev.outdial.engine.rules.CallingWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A campaign's settings as they were at any instant (issue 18), from the history of its settings,
 * of its working-hours schedules and of the business's time zone they are read in: a call placed
 * last week is judged by last week's maximum calls, gap and hours, in last week's zone, whatever
 * the campaign and the business say today. An instant before the first recorded version (calls
 * older than the history) is judged by the first.
 */
final class SettingsTimeline {

    private final List<CampaignSettingsVersion> versions;
    private final Function<Long, List<WorkingHoursVersion>> hoursHistory;
    private final List<TimeZoneVersion> zones;
    private final Map<Long, List<WorkingHoursVersion>> hoursById = new HashMap<>();
    private final Map<WindowKey, CallingWindow> windows = new HashMap<>();

    /** Equal settings, schedule and zone make the same window: each is built once. */
    private record WindowKey(CampaignSettingsVersion settings, WorkingHoursVersion schedule, ZoneId zone) {
    }

    /**
     * @param versions     the campaign's settings, oldest first, at least one
     * @param hoursHistory a working-hours schedule's versions by its id, oldest first
     * @param zones        the business's zones, the ones its schedules were read in, oldest first, at least one
     */
    SettingsTimeline(List<CampaignSettingsVersion> versions, Function<Long, List<WorkingHoursVersion>> hoursHistory,
                     List<TimeZoneVersion> zones) {
        if (versions.isEmpty() || zones.isEmpty()) {
            throw new IllegalArgumentException("a campaign has settings, and its business a zone, from their creation on");
        }
        this.versions = List.copyOf(versions);
        this.hoursHistory = hoursHistory;
        this.zones = List.copyOf(zones);
    }

    /** The settings in force at {@code at}. */
    CampaignSettingsVersion at(Instant at) {
        return latestFrom(versions, at, CampaignSettingsVersion::inForceFrom);
    }

    /** The largest number of unanswered attempts of one contact cycle at {@code at}. */
    int maxCallsAt(Instant at) {
        return at(at).maxCallsPerCustomer();
    }

    /**
     * How long after a failed call ending at {@code endedAt} the customer may be called again: the
     * gap in force then (when the dialer scheduled the retry), none when nobody but an agent
     * dialed ("in manual mode the agent may redial at once"). {@code ownDialType} is the customer's
     * own dialing mode, if it carries one.
     */
    Duration retryGapAfter(Instant endedAt, Optional<DialType> ownDialType) {
        CampaignSettingsVersion settings = at(endedAt);
        DialType dialType = ownDialType.orElse(DialType.valueOf(settings.dialMode().name()));
        return dialType.isSystemDialed() ? Duration.ofMinutes(settings.retryGapMinutes()) : Duration.ZERO;
    }

    /** The campaign's window and working hours in force at {@code at}, in the zone then, as the dialer read them. */
    CallingWindow windowAt(Instant at) {
        CampaignSettingsVersion settings = at(at);
        List<WorkingHoursVersion> hours = hoursById.computeIfAbsent(settings.workingHoursId(), hoursHistory::apply);
        if (hours.isEmpty()) {
            throw new IllegalStateException("working hours " + settings.workingHoursId() + " have no recorded version");
        }
        WorkingHoursVersion schedule = latestFrom(hours, at, WorkingHoursVersion::inForceFrom);
        ZoneId zone = latestFrom(zones, at, TimeZoneVersion::inForceFrom).zone();
        return windows.computeIfAbsent(new WindowKey(settings, schedule, zone), key -> new CallingWindow(settings.startTime(),
                Optional.of(settings.endTime()), EngineCampaigns.scheduleOf(schedule.hours(), zone), Optional.empty(),
                EngineCampaigns.CALLED_PARTY_ZONES));
    }

    /** The last version saved at or before {@code at}, or the first when all came later. */
    private static <T> T latestFrom(List<T> oldestFirst, Instant at, Function<T, Instant> from) {
        T found = oldestFirst.getFirst();
        for (T version : oldestFirst) {
            if (from.apply(version).isAfter(at)) {
                break;
            }
            found = version;
        }
        return found;
    }
}
