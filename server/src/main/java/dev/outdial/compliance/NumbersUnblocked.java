package dev.outdial.compliance;

import java.util.List;

/**
 * Numbers were removed from a list: their customers return to the status they would otherwise
 * have (SPEC §4.3), unless the other list still holds them.
 */
public record NumbersUnblocked(long businessId, List<String> numbers, BlockKind kind) {

    public NumbersUnblocked {
        numbers = List.copyOf(numbers);
    }
}
