package dev.outdial.dialing.internal;

import dev.outdial.compliance.Blacklist;
import dev.outdial.compliance.BlockKind;
import dev.outdial.compliance.BlockedNumbers;
import dev.outdial.engine.port.NumberLists;
import dev.outdial.shared.ConflictException;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The business's blacklist and the DNC registry, looked up right before every dial (SPEC §4.3, §7). */
@Component
class LiveNumberLists implements NumberLists {

    /** What the blacklist shows as the reason of a number added by an IVR. */
    static final String OPT_OUT_REASON = "Opted out in an autocall IVR";

    private final BlockedNumbers lists;
    private final Blacklist blacklist;

    LiveNumberLists(BlockedNumbers lists, Blacklist blacklist) {
        this.lists = lists;
        this.blacklist = blacklist;
    }

    @Override
    public Listing lookUp(long businessId, String e164) {
        Set<BlockKind> holding = lists.listsHolding(businessId, e164);
        return new Listing(holding.contains(BlockKind.BLACKLIST), holding.contains(BlockKind.DNC));
    }

    /** An autocall customer pressed the IVR's opt-out key: blocked from calling out, in every campaign. */
    @Override
    public void optOut(long businessId, String e164) {
        try {
            blacklist.add(businessId, e164, OPT_OUT_REASON);
        } catch (ConflictException alreadyListed) {
            // Listed meanwhile (another campaign's call, an admin): what the customer asked for holds.
        }
    }
}
