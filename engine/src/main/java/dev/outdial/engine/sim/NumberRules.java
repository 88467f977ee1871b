package dev.outdial.engine.sim;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-number rules for demos and tests ({@code outdial.telephony.sim.rules}): a number ending in a
 * suffix gets that suffix's outcome, e.g. {@code {"0001": "BUSY", "0002": "NOANSWER"}}; the longest
 * matching suffix wins, so {@code "1": BUSY} and {@code "21": ANSWER} can be set together.
 */
public final class NumberRules {

    private final Map<String, CarrierOutcome> bySuffixLongestFirst;

    public NumberRules(Map<String, CarrierOutcome> bySuffix) {
        Map<String, CarrierOutcome> sorted = new LinkedHashMap<>();
        bySuffix.entrySet().stream()
                .peek(rule -> requireDigits(rule.getKey()))
                .sorted(Comparator.comparingInt((Map.Entry<String, CarrierOutcome> rule) -> rule.getKey().length()).reversed()
                        .thenComparing(Map.Entry::getKey))
                .forEach(rule -> sorted.put(rule.getKey(), Objects.requireNonNull(rule.getValue(), rule.getKey())));
        this.bySuffixLongestFirst = sorted;
    }

    public static NumberRules none() {
        return new NumberRules(Map.of());
    }

    /** The outcome fixed for {@code number}, empty when no rule matches and the model decides. */
    public Optional<CarrierOutcome> outcomeFor(String number) {
        for (Map.Entry<String, CarrierOutcome> rule : bySuffixLongestFirst.entrySet()) {
            if (number.endsWith(rule.getKey())) {
                return Optional.of(rule.getValue());
            }
        }
        return Optional.empty();
    }

    private static void requireDigits(String suffix) {
        if (suffix.isEmpty() || !suffix.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("a number rule's suffix must be digits, was '" + suffix + "'");
        }
    }
}
