package dev.outdial.sip.media;

import java.util.function.Consumer;

/**
 * Turns received RFC 4733 telephone-event packets into key presses, each reported once.
 *
 * <p>A sender repeats an event's packets while the key is held and sends its end (E bit) three
 * times (RFC 4733 §2.5.1.4); all of them carry the timestamp of the event's start, so the
 * timestamp names the key press. A press is reported at its first end packet; when every end
 * packet was lost it is reported when the next press starts (a new timestamp) or when its packets
 * have stopped for {@link #LOST_END_NANOS}. Packets of a press already reported, or older than the
 * current one, are ignored. A press a SIP INFO brought already ({@link PressesBothWays}) is not
 * reported again, and its packets are not passed on.
 */
final class KeyPresses {

    static final long LOST_END_NANOS = 400_000_000L;
    /** The keys RFC 4733's events 0-15 stand for. */
    static final String EVENTS = "0123456789*#ABCD";

    private final Consumer<Character> report;
    private final PressesBothWays bothWays;
    private boolean pressing;
    /** The current press came by an INFO first: neither reported nor passed on. */
    private boolean signalledAlready;
    private int pressTimestamp;
    private char pressKey;
    private boolean reported;
    private long lastPacketNanos;

    KeyPresses(Consumer<Character> report, PressesBothWays bothWays) {
        this.report = report;
        this.bothWays = bothWays;
    }

    /**
     * One telephone-event packet: its RTP timestamp and its payload's first event. Whether it may be passed on to a
     * bridged far end: not where its press came by an INFO first.
     */
    synchronized boolean packet(int timestamp, byte[] payload, int offset, int length, long nowNanos) {
        if (length < 4) {
            return true;
        }
        int event = payload[offset] & 0xFF;
        boolean end = (payload[offset + 1] & 0x80) != 0;
        if (pressing && timestamp != pressTimestamp) {
            if (timestamp - pressTimestamp < 0) {
                return true; // a late packet of an earlier press
            }
            reportUnended();
        }
        if (!pressing || timestamp != pressTimestamp) {
            if (event >= EVENTS.length()) {
                return true; // flash and other events are not keys
            }
            pressing = true;
            pressTimestamp = timestamp;
            pressKey = EVENTS.charAt(event);
            signalledAlready = bothWays.eventRepeats(pressKey, nowNanos);
            reported = signalledAlready;
        }
        lastPacketNanos = nowNanos;
        if (end && !reported) {
            reported = true;
            report.accept(pressKey);
        }
        return !signalledAlready;
    }

    /** Reports a press whose end packets never came, once its packets have stopped. */
    synchronized void expire(long nowNanos) {
        if (pressing && !reported && nowNanos - lastPacketNanos > LOST_END_NANOS) {
            reportUnended();
        }
    }

    private void reportUnended() {
        if (!reported) {
            reported = true;
            report.accept(pressKey);
        }
    }
}
