package dev.outdial.engine.sim;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the simulated carrier's answered customers key when an IVR waits for a key
 * ({@code outdial.telephony.sim.key-probabilities}, {@code key-delay}, {@code key-rules}): at each
 * collection a customer presses a key drawn from the probabilities (what is left to 1 presses
 * nothing and lets it time out), after the key delay; a key later than the collection's timeout
 * is not heard. A per-number rule fixes the keys instead: a number ending in the rule's suffix
 * presses the rule's keys in order, one per collection, e.g. {@code "9#"} presses 9 at the first
 * and # at the second, then nothing; the longest matching suffix wins.
 */
public final class KeyPresses {

    private static final Pattern KEY = Pattern.compile("[0-9*#]");
    private static final Pattern KEYS = Pattern.compile("[0-9*#]+");

    private final Map<String, Double> probabilities;
    private final Distribution delay;
    private final Map<String, String> rulesLongestFirst;

    public KeyPresses(Map<String, Double> probabilities, Distribution delay, Map<String, String> rules) {
        Objects.requireNonNull(delay, "delay");
        double sum = 0;
        // Sorted, so one seed draws the same keys whatever order the settings came in.
        this.probabilities = new TreeMap<>();
        for (Map.Entry<String, Double> key : probabilities.entrySet()) {
            if (key.getKey() == null || !KEY.matcher(key.getKey()).matches()) {
                throw new IllegalArgumentException("a key must be one of 0-9, * or #, was '" + key.getKey() + "'");
            }
            double probability = Objects.requireNonNull(key.getValue(), key.getKey());
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("the probability of key " + key.getKey()
                        + " must be between 0 and 1, was " + probability);
            }
            sum += probability;
            this.probabilities.put(key.getKey(), probability);
        }
        if (sum > 1 + 1e-9) {
            throw new IllegalArgumentException("the key probabilities add up to " + sum + ", more than 1");
        }
        this.delay = delay;
        this.rulesLongestFirst = new LinkedHashMap<>();
        rules.entrySet().stream()
                .peek(rule -> requireRule(rule.getKey(), rule.getValue()))
                .sorted(Comparator.comparingInt((Map.Entry<String, String> rule) -> rule.getKey().length()).reversed()
                        .thenComparing(Map.Entry::getKey))
                .forEach(rule -> rulesLongestFirst.put(rule.getKey(), rule.getValue()));
    }

    /** Customers who never key anything. */
    public static KeyPresses none() {
        return new KeyPresses(Map.of(), Distribution.constant(Duration.ofSeconds(2)), Map.of());
    }

    /** The keys a per-number rule fixes for a call to {@code number}, one per collection; empty when the draw decides. */
    public Optional<Deque<String>> scriptedFor(String number) {
        for (Map.Entry<String, String> rule : rulesLongestFirst.entrySet()) {
            if (number.endsWith(rule.getKey())) {
                Deque<String> keys = new ArrayDeque<>();
                rule.getValue().chars().forEach(key -> keys.add(Character.toString(key)));
                return Optional.of(keys);
            }
        }
        return Optional.empty();
    }

    /** The key a customer without a rule presses at one collection, or empty for none. */
    public Optional<String> draw(Random random) {
        double draw = random.nextDouble();
        double upTo = 0;
        for (Map.Entry<String, Double> key : probabilities.entrySet()) {
            upTo += key.getValue();
            if (draw < upTo) {
                return Optional.of(key.getKey());
            }
        }
        return Optional.empty();
    }

    /** How long after the prompt a customer keys. */
    public Distribution delay() {
        return delay;
    }

    private static void requireRule(String suffix, String keys) {
        if (suffix == null || suffix.isEmpty() || !suffix.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("a key rule's suffix must be digits, was '" + suffix + "'");
        }
        if (keys == null || !KEYS.matcher(keys).matches()) {
            throw new IllegalArgumentException("the keys of rule " + suffix + " must be 0-9, * or #, was '" + keys + "'");
        }
    }
}
