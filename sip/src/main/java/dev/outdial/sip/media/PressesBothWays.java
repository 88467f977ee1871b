package dev.outdial.sip.media;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Tells a key press a phone signals both ways from two presses: some phones send a SIP INFO beside their RFC 4733
 * events, as their settings allow, and each press would otherwise count twice (a PIN typed into a voice menu through
 * Outdial would reach it doubled). The same key by the other way within {@link #SAME_PRESS_NANOS} is the same press,
 * heard once: by the way that brought it first. Each press pairs with one of the other way at most. Thread-safe:
 * events come on the receiving thread, INFOs on the signalling one.
 */
final class PressesBothWays {

    /** Longer than the time between the two ways of one press; shorter than between two presses of one key. */
    static final long SAME_PRESS_NANOS = 500_000_000L;
    /** More within the window would be a phone gone wrong or a hostile one: the oldest are forgotten. */
    private static final int MOST_KEPT = 64;

    private record Press(char key, long nanos) {
    }

    /** The presses of the last {@link #SAME_PRESS_NANOS} not paired yet, by the way they came, oldest first. */
    private final Deque<Press> byInfo = new ArrayDeque<>();
    private final Deque<Press> byEvents = new ArrayDeque<>();

    /** A key an INFO brought at {@code nowNanos}: whether its press came as events already. */
    synchronized boolean infoRepeats(char key, long nowNanos) {
        return repeats(new Press(key, nowNanos), byEvents, byInfo);
    }

    /** A press whose first RFC 4733 packet came at {@code nowNanos}: whether an INFO brought it already. */
    synchronized boolean eventRepeats(char key, long nowNanos) {
        return repeats(new Press(key, nowNanos), byInfo, byEvents);
    }

    /** Whether {@code press} pairs with one of {@code otherWay}'s, taken; where not, kept with {@code itsWay}'s. */
    private static boolean repeats(Press press, Deque<Press> otherWay, Deque<Press> itsWay) {
        forgetOld(otherWay, press.nanos());
        forgetOld(itsWay, press.nanos());
        for (Iterator<Press> earlier = otherWay.iterator(); earlier.hasNext(); ) {
            if (earlier.next().key() == press.key()) {
                earlier.remove();
                return true;
            }
        }
        if (itsWay.size() == MOST_KEPT) {
            itsWay.removeFirst();
        }
        itsWay.addLast(press);
        return false;
    }

    private static void forgetOld(Deque<Press> presses, long nowNanos) {
        while (!presses.isEmpty() && nowNanos - presses.peekFirst().nanos() >= SAME_PRESS_NANOS) {
            presses.removeFirst();
        }
    }
}
