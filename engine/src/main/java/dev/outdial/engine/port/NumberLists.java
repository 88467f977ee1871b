package dev.outdial.engine.port;

/**
 * The business's blacklist and the DNC registry, looked up right before every dial: "BLOCKED and
 * DNC are decided when the customer is added and checked again right before every dial", so a
 * number blacklisted after import is never dialed.
 */
public interface NumberLists {

    boolean isBlacklisted(long businessId, String e164);

    boolean isInDncRegistry(long businessId, String e164);

    /**
     * The called party asked never to be called again (an IVR's OPT_OUT): the number goes on the
     * business's blacklist, so no campaign of the business calls it again; already listed is fine.
     */
    void optOut(long businessId, String e164);
}
