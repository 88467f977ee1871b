package dev.outdial.shared;

import java.time.ZoneId;

/** A business's time zone: the default for its schedules, quotas' days and the dates its pages show. */
public interface BusinessTimeZones {

    ZoneId zoneOf(long businessId);
}
