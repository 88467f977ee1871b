package dev.outdial.engine.port;

/**
 * The business's blacklist and the DNC registry, looked up right before every dial: "BLOCKED and
 * DNC are decided when the customer is added and checked again right before every dial", so a
 * number blacklisted after import is never dialed.
 */
public interface NumberLists {

    boolean isBlacklisted(long businessId, String e164);

    boolean isInDncRegistry(long businessId, String e164);
}
