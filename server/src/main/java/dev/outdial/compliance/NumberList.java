package dev.outdial.compliance;

import java.util.Collection;
import java.util.Set;

/** What the dialer asks of either list: is this number on it, and which of these many numbers are. */
abstract class NumberList {

    private final BlockedNumbers numbers;
    private final BlockKind kind;

    NumberList(BlockedNumbers numbers, BlockKind kind) {
        this.numbers = numbers;
        this.kind = kind;
    }

    public boolean contains(long businessId, String e164) {
        return numbers.contains(businessId, kind, e164);
    }

    /** The numbers among {@code e164Numbers} that are on the list, for many rows at once (imports). */
    public Set<String> blocked(long businessId, Collection<String> e164Numbers) {
        return numbers.blocked(businessId, kind, e164Numbers);
    }
}
