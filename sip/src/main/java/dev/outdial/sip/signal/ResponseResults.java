package dev.outdial.sip.signal;

import dev.outdial.engine.customer.CallResult;
import java.util.OptionalInt;

/**
 * What a final SIP response that is not a 2xx means for the call (SPEC §4.4's technical results):
 * the one table of the adapter, so a trunk's answer is read the same way wherever a leg ends.
 *
 * <p>A {@code Reason: Q.850;cause=N} header, when the trunk sends one, says what the network really
 * saw and overrides the status code: 17 user busy, 18/19 no user responding / no answer, 1/28
 * unallocated / invalid number format. Other causes fall back to the status code.
 *
 * <p>Codes the table does not name are read by class: 3xx (a redirect we do not follow) and other
 * 4xx are the hotline's fault (its trunk refuses what we send), other 5xx the network's, other 6xx
 * the called party's refusal.
 */
public final class ResponseResults {

    private ResponseResults() {
    }

    /**
     * The result of a call that ended with {@code status}.
     *
     * @param afterRinging whether the far end had rung (180/183) first: a 408 then means nobody
     *                     answered, before it the network gave up on the request
     * @param q850Cause    the cause of a Q.850 Reason header, if the response had one
     */
    public static CallResult resultOf(int status, boolean afterRinging, OptionalInt q850Cause) {
        if (status < 300 || status > 699) {
            throw new IllegalArgumentException("not a final failure response: " + status);
        }
        if (q850Cause.isPresent()) {
            CallResult byCause = byQ850(q850Cause.getAsInt());
            if (byCause != null) {
                return byCause;
            }
        }
        return switch (status) {
            case 486, 600 -> CallResult.BUSY;
            case 480, 487 -> CallResult.NOANSWER;
            case 408 -> afterRinging ? CallResult.NOANSWER : CallResult.NETWORK_ERROR;
            case 603, 607 -> CallResult.REFUSAL;
            case 404, 410, 484, 485, 604 -> CallResult.INVALID_NUMBER;
            case 401, 403, 407, 415, 420, 421, 488, 606, 608 -> CallResult.HOTLINE_ERROR;
            case 500, 502, 503, 504 -> CallResult.NETWORK_ERROR;
            default -> byClass(status);
        };
    }

    private static CallResult byQ850(int cause) {
        return switch (cause) {
            case 17 -> CallResult.BUSY;
            case 18, 19 -> CallResult.NOANSWER;
            case 1, 28 -> CallResult.INVALID_NUMBER;
            default -> null;
        };
    }

    private static CallResult byClass(int status) {
        return switch (status / 100) {
            case 5 -> CallResult.NETWORK_ERROR;
            case 6 -> CallResult.REFUSAL;
            default -> CallResult.HOTLINE_ERROR;
        };
    }
}
