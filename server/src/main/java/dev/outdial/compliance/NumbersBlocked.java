package dev.outdial.compliance;

import java.util.List;

/**
 * Numbers were added to a list: customers of campaigns with these numbers become BLOCKED or DNC
 * (SPEC §4.3). A large import publishes one event per batch of at most 1,000 numbers, inside the
 * import's transaction, so a listener can act in it or after its commit.
 */
public record NumbersBlocked(long businessId, List<String> numbers, BlockKind kind) {

    public NumbersBlocked {
        numbers = List.copyOf(numbers);
    }
}
