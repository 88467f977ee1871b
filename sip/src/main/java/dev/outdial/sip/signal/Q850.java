package dev.outdial.sip.signal;

import dev.outdial.engine.port.CallEvent;
import java.util.ListIterator;
import java.util.OptionalInt;
import javax.sip.header.ReasonHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;

/**
 * Reads the ISDN cause a trunk puts in {@code Reason: Q.850;cause=N} (RFC 3326), in a response or a BYE, which says
 * more than the status code, or than the BYE alone.
 */
public final class Q850 {

    private Q850() {
    }

    public static OptionalInt causeOf(Message message) {
        ListIterator<?> reasons = message.getHeaders(ReasonHeader.NAME);
        while (reasons != null && reasons.hasNext()) {
            if (reasons.next() instanceof ReasonHeader reason && "Q.850".equalsIgnoreCase(reason.getProtocol())
                    && reason.getCause() > 0) {
                return OptionalInt.of(reason.getCause());
            }
        }
        return OptionalInt.empty();
    }

    /**
     * Why the far end's {@code bye} ended its answered call: the network lost it where the BYE's Q.850 cause says so
     * (a carrier ending a call whose media stopped), else the far end hung up.
     */
    public static CallEvent.HungUp.Cause endOf(Request bye) {
        OptionalInt cause = causeOf(bye);
        return cause.isPresent() && isNetworkFailure(cause.getAsInt()) ? CallEvent.HungUp.Cause.LINE_LOST
                : CallEvent.HungUp.Cause.FAR_END;
    }

    /**
     * Whether a call ended with {@code cause} was lost by the network rather than hung up by someone: destination out
     * of order (27), the resource-unavailable class (34 to 47: no circuit, network out of order, temporary failure,
     * congestion…) and recovery on timer expiry (102, what a carrier's media timeout often sends).
     */
    public static boolean isNetworkFailure(int cause) {
        return cause == 27 || cause >= 34 && cause <= 47 || cause == 102;
    }
}
