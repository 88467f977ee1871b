package dev.outdial.sip;

import java.util.Objects;

/**
 * A carrier's trunk's final answer to a call Outdial placed through it: the status and reason phrase of its final
 * response to the call's INVITE, with the ISDN cause of its {@code Reason: Q.850;cause=N} header (RFC 3326) where it
 * gave one, or that it answered nothing. What an operator reads when calls fail and their result alone does not say
 * why (a route refusing calls, credentials gone stale, a number format the carrier no longer takes).
 *
 * @param trunk        the trunk, {@code host:port}
 * @param status       the final response's status, 200 to 699; {@link #NONE} where none came (the INVITE could not
 *                     be sent, or the trunk never answered it)
 * @param reasonPhrase its reason phrase as the trunk wrote it; with {@link #NONE}, what happened instead
 * @param q850Cause    the Q.850 cause, 1 to 127; null where it gave none
 */
public record TrunkAnswer(String trunk, int status, String reasonPhrase, Integer q850Cause) {

    /** The status of an INVITE the trunk answered nothing. */
    public static final int NONE = 0;

    public TrunkAnswer {
        Objects.requireNonNull(trunk, "trunk");
        Objects.requireNonNull(reasonPhrase, "reasonPhrase");
        if (status != NONE && (status < 200 || status > 699)) {
            throw new IllegalArgumentException("a final response's status is 200 to 699, not " + status);
        }
        if (q850Cause != null && (q850Cause < 1 || q850Cause > 127)) {
            throw new IllegalArgumentException("a Q.850 cause is 1 to 127, not " + q850Cause);
        }
    }
}
