package dev.outdial.engine.sim;

import dev.outdial.engine.port.NumberLists;
import java.util.HashSet;
import java.util.Set;

/** A business's blacklist and the DNC registry in memory, for the simulator and tests. */
public final class InMemoryNumberLists implements NumberLists {

    private final Set<String> blacklist = new HashSet<>();
    private final Set<String> dncRegistry = new HashSet<>();

    public void blacklist(String e164) {
        blacklist.add(e164);
    }

    public void registerDnc(String e164) {
        dncRegistry.add(e164);
    }

    @Override
    public Listing lookUp(long businessId, String e164) {
        return new Listing(isBlacklisted(e164), dncRegistry.contains(e164));
    }

    public boolean isBlacklisted(String e164) {
        return blacklist.contains(e164);
    }

    @Override
    public void optOut(long businessId, String e164) {
        blacklist.add(e164);
    }
}
