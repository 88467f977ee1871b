package dev.outdial.compliance;

import java.util.Collection;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The business's blacklist, "blocked from calling out" (SPEC §2): asked by the dialer right before
 * every dial and by campaigns when customers are added; an IVR opt-out adds to it.
 */
@Service
public class Blacklist {

    private final BlockedNumbers numbers;

    Blacklist(BlockedNumbers numbers) {
        this.numbers = numbers;
    }

    public boolean contains(long businessId, String e164) {
        return numbers.contains(businessId, BlockKind.BLACKLIST, e164);
    }

    public Set<String> blocked(long businessId, Collection<String> e164Numbers) {
        return numbers.blocked(businessId, BlockKind.BLACKLIST, e164Numbers);
    }

    public BlockedNumber add(long businessId, String number, String reason) {
        return numbers.add(businessId, BlockKind.BLACKLIST, number, reason);
    }
}
