package dev.outdial.compliance;

import java.util.Collection;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Numbers registered with the network operator's Do-Not-Call service (SPEC §2), imported from the
 * operator's files; never called, whatever a campaign says.
 */
@Service
public class DncRegistry {

    private final BlockedNumbers numbers;

    DncRegistry(BlockedNumbers numbers) {
        this.numbers = numbers;
    }

    public boolean contains(long businessId, String e164) {
        return numbers.contains(businessId, BlockKind.DNC, e164);
    }

    public Set<String> blocked(long businessId, Collection<String> e164Numbers) {
        return numbers.blocked(businessId, BlockKind.DNC, e164Numbers);
    }
}
