package dev.outdial.campaign.settings;

import java.time.Instant;

/** A working-hours schedule as saved at {@code inForceFrom}, in force until its next save. */
public record WorkingHoursVersion(Instant inForceFrom, WeeklyHours hours) {
}
