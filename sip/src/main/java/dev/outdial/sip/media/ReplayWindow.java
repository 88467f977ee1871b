package dev.outdial.sip.media;

/**
 * Which packet indexes of a received SRTP or SRTCP stream were accepted (RFC 3711 §3.3.2): one seen already, or older
 * than the last 64, is a replay.
 */
final class ReplayWindow {

    private static final int SIZE = 64;

    /** The highest index accepted (-1: none), and which of the 64 before it came. */
    private long highestIndex = -1;
    private long seen;

    boolean replayed(long index) {
        if (highestIndex < 0 || index > highestIndex) {
            return false;
        }
        long behind = highestIndex - index;
        return behind >= SIZE || (seen & (1L << behind)) != 0;
    }

    void accepted(long index) {
        if (index > highestIndex) {
            long moved = highestIndex < 0 ? SIZE : index - highestIndex;
            seen = moved >= SIZE ? 1 : (seen << moved) | 1;
            highestIndex = index;
        } else {
            seen |= 1L << (highestIndex - index);
        }
    }

    /** A new source: nothing accepted yet. */
    void reset() {
        highestIndex = -1;
        seen = 0;
    }
}
