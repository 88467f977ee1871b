package dev.outdial.business;

import java.time.Instant;
import java.time.ZoneId;

/** The business's time zone as chosen at {@code inForceFrom}, in force until the next choice. */
public record TimeZoneVersion(Instant inForceFrom, ZoneId zone) {
}
