package dev.outdial.sip.signal;

import java.util.ListIterator;
import java.util.OptionalInt;
import javax.sip.header.ReasonHeader;
import javax.sip.message.Response;

/** Reads the ISDN cause a trunk puts in {@code Reason: Q.850;cause=N} (RFC 3326), which says more than the status code. */
public final class Q850 {

    private Q850() {
    }

    public static OptionalInt causeOf(Response response) {
        ListIterator<?> reasons = response.getHeaders(ReasonHeader.NAME);
        while (reasons != null && reasons.hasNext()) {
            if (reasons.next() instanceof ReasonHeader reason && "Q.850".equalsIgnoreCase(reason.getProtocol())
                    && reason.getCause() > 0) {
                return OptionalInt.of(reason.getCause());
            }
        }
        return OptionalInt.empty();
    }
}
