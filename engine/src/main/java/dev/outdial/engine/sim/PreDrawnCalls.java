package dev.outdial.engine.sim;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The fate of every customer's every attempt, fixed by the seed before the day starts: the n-th call
 * to a number has the same fate whenever, and by whichever strategy, it is placed (only the outcome's
 * answer rate follows the hour it is placed in). So strategies compared on one seed meet the same
 * customers, and the {@code oracle} may look a call's fate up before placing it.
 */
public final class PreDrawnCalls implements CallFates {

    private final long seed;
    private final Distribution wrapUp;
    /** Per number, one entry for both what the next call needs and what the last one drew: one lookup a call. */
    private final Map<String, Drawn> drawn = new HashMap<>();

    /** @param wrapUp the agent's time from a reached call's end to their disposition, drawn with the call */
    public PreDrawnCalls(long seed, Distribution wrapUp) {
        this.seed = seed;
        this.wrapUp = wrapUp;
    }

    @Override
    public CallFate next(String number, CarrierModel model) {
        Drawn calls = drawn.computeIfAbsent(number, ignored -> new Drawn());
        CallFate fate = draw(number, calls.placed, model);
        calls.placed++;
        calls.last = fate;
        return fate;
    }

    /** The fate the next call to {@code number} will have if placed now under {@code model}; nothing is used up. */
    public CallFate peek(String number, CarrierModel model) {
        Drawn calls = drawn.get(number);
        return draw(number, calls == null ? 0 : calls.placed, model);
    }

    /** The fate of the last call placed to {@code number}. */
    public Optional<CallFate> lastOf(String number) {
        Drawn calls = drawn.get(number);
        return calls == null ? Optional.empty() : Optional.of(calls.last);
    }

    /** The calls placed to one number so far, and the fate of the last. */
    private static final class Drawn {
        private int placed;
        private CallFate last;
    }

    private CallFate draw(String number, int attempt, CarrierModel model) {
        Random random = new Random(mix(seed, number.hashCode(), attempt));
        CallFate fate = CallFate.draw(model, number, random);
        Duration agentWrapUp = wrapUp.sample(random);
        return new CallFate(fate.outcome(), fate.signal(), fate.ringing(), fate.talk(), fate.patience(), agentWrapUp);
    }

    /** One well-spread seed per number and attempt (SplitMix64's finaliser). */
    private static long mix(long seed, int number, int attempt) {
        long z = seed * 0x9E3779B97F4A7C15L + number * 0xBF58476D1CE4E5B9L + attempt * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
