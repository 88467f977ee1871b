package dev.outdial.dialing.internal;

import dev.outdial.compliance.Blacklist;
import dev.outdial.compliance.DncRegistry;
import dev.outdial.engine.port.NumberLists;
import org.springframework.stereotype.Component;

/** The business's blacklist and the DNC registry, looked up right before every dial (SPEC §4.3, §7). */
@Component
class LiveNumberLists implements NumberLists {

    private final Blacklist blacklist;
    private final DncRegistry dnc;

    LiveNumberLists(Blacklist blacklist, DncRegistry dnc) {
        this.blacklist = blacklist;
        this.dnc = dnc;
    }

    @Override
    public boolean isBlacklisted(long businessId, String e164) {
        return blacklist.contains(businessId, e164);
    }

    @Override
    public boolean isInDncRegistry(long businessId, String e164) {
        return dnc.contains(businessId, e164);
    }
}
