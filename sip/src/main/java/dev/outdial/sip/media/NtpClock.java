package dev.outdial.sip.media;

/**
 * Times of {@link System#nanoTime()} readings in NTP's 64-bit format (RFC 5905: seconds since 1900, then a binary
 * fraction), as RTCP's sender reports carry them. Anchored to the wall clock once: a wall clock stepped during a call
 * moves none of its round trips.
 *
 * @param anchorNtp   the NTP time of {@code anchorNanos}
 * @param anchorNanos a {@code System.nanoTime()} reading
 */
record NtpClock(long anchorNtp, long anchorNanos) {

    private static final long SECONDS_FROM_1900_TO_1970 = 2_208_988_800L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** Anchored now. */
    static NtpClock system() {
        long millis = System.currentTimeMillis();
        long nanos = System.nanoTime();
        long seconds = Math.floorDiv(millis, 1000) + SECONDS_FROM_1900_TO_1970;
        long fraction = (Math.floorMod(millis, 1000) << 32) / 1000;
        return new NtpClock((seconds << 32) | fraction, nanos);
    }

    /** The NTP time of the reading {@code nanos} (its 64 bits unsigned). */
    long at(long nanos) {
        long elapsed = nanos - anchorNanos;
        long seconds = Math.floorDiv(elapsed, NANOS_PER_SECOND);
        long fraction = (Math.floorMod(elapsed, NANOS_PER_SECOND) << 32) / NANOS_PER_SECOND;
        return anchorNtp + (seconds << 32) + fraction;
    }

    /** The middle 32 bits of an NTP time: RTCP's compact form (a 65,536th of a second, RFC 3550 §6.4.1's LSR). */
    static int middle(long ntp) {
        return (int) (ntp >>> 16);
    }

    /** A span of nanoseconds in the compact form's units, a 65,536th of a second (DLSR). */
    static long compact(long nanos) {
        return (nanos << 16) / NANOS_PER_SECOND;
    }

    /** A span in the compact form's units in milliseconds. */
    static double compactToMillis(long units) {
        return units * 1000.0 / 65_536;
    }
}
