package dev.outdial.engine.port;

/**
 * The business's blacklist and the DNC registry, looked up right before every dial: "BLOCKED and
 * DNC are decided when the customer is added and checked again right before every dial", so a
 * number blacklisted after import is never dialed.
 */
public interface NumberLists {

    /**
     * Which of the business's lists hold the number now: asked right before every dial, in one
     * look-up for both (a round trip of the business's dialing thread each).
     */
    Listing lookUp(long businessId, String e164);

    /** Where a number stands on the business's blacklist and the DNC registry. */
    record Listing(boolean blacklisted, boolean inDncRegistry) {

        public boolean onAnyList() {
            return blacklisted || inDncRegistry;
        }
    }

    /**
     * The called party asked never to be called again (an IVR's OPT_OUT): the number goes on the
     * business's blacklist, so no campaign of the business calls it again; already listed is fine.
     */
    void optOut(long businessId, String e164);
}
