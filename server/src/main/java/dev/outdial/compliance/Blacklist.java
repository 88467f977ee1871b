package dev.outdial.compliance;

import org.springframework.stereotype.Service;

/**
 * The business's blacklist, "blocked from calling out" (SPEC §2): asked by the dialer right before
 * every dial and by campaigns when customers are added; an IVR opt-out adds to it.
 */
@Service
public class Blacklist extends NumberList {

    private final BlockedNumbers numbers;

    Blacklist(BlockedNumbers numbers) {
        super(numbers, BlockKind.BLACKLIST);
        this.numbers = numbers;
    }

    public BlockedNumber add(long businessId, String number, String reason) {
        return numbers.add(businessId, BlockKind.BLACKLIST, number, reason);
    }
}
