package dev.outdial.engine.call;

import dev.outdial.engine.customer.CallResult;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Which hotline the next call goes out on. Campaigns other than autocall use their hotlines in turn.
 * Autocall rotates as the campaign says — its one hotline, or a random one of its list — and, as
 * the manual says, "in case some hotlines cannot be called, the campaign will automatically ignore
 * calls from the wrong hotline number": a hotline whose call failed with HOTLINE_ERROR is left out
 * for {@code skipFor}, then tried again. Its customers are ERROR, retried "after the fresh data is
 * exhausted" by the customer's own rules.
 */
public final class HotlineChooser {

    private final List<String> hotlines;
    private final Optional<Random> random;
    private final Duration skipFor;
    private final Map<String, Instant> skippedUntil = new HashMap<>();
    private int nextInTurn;

    private HotlineChooser(List<String> hotlines, Optional<Random> random, Duration skipFor) {
        this.hotlines = List.copyOf(hotlines);
        this.random = random;
        this.skipFor = skipFor;
    }

    /** The hotlines in turn, never skipped: the dial types that have no rotation. */
    public static HotlineChooser inTurn(List<String> hotlines) {
        return new HotlineChooser(hotlines, Optional.empty(), Duration.ZERO);
    }

    /** Autocall's rotation over {@code hotlines} (one for SINGLE), skipping a failed hotline for {@code skipFor}. */
    public static HotlineChooser rotating(List<String> hotlines, AutocallSettings.Rotation rotation, Duration skipFor,
                                          Random random) {
        List<String> pool = rotation == AutocallSettings.Rotation.SINGLE ? hotlines.subList(0, 1) : hotlines;
        return new HotlineChooser(pool, Optional.of(random), skipFor);
    }

    static HotlineChooser of(CampaignSettings settings) {
        return settings.autocall()
                .map(autocall -> rotating(settings.hotlines(), autocall.rotation(), autocall.hotlineSkip(),
                        new Random(autocall.seed())))
                .orElseGet(() -> inTurn(settings.hotlines()));
    }

    /** The hotline for a call placed now, or empty while every hotline is skipped. */
    public Optional<String> next(Instant now) {
        // Every dial asks: with no hotline skipped (the usual case) the list is the hotlines themselves.
        List<String> usable = skippedUntil.isEmpty() ? hotlines
                : hotlines.stream().filter(hotline -> !isSkipped(hotline, now)).toList();
        if (usable.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(random.map(draw -> usable.get(draw.nextInt(usable.size())))
                .orElseGet(() -> usable.get(nextInTurn++ % usable.size())));
    }

    /** When a hotline can be used again, if none can now: when the pacing should look again. */
    public Optional<Instant> allSkippedUntil(Instant now) {
        // Every pacing round asks: none is skipped in the usual case.
        if (skippedUntil.isEmpty() || hotlines.stream().anyMatch(hotline -> !isSkipped(hotline, now))) {
            return Optional.empty();
        }
        return hotlines.stream().map(skippedUntil::get).min(Instant::compareTo);
    }

    /** A call from {@code hotline} ended with {@code result} at {@code now}. */
    public void ended(String hotline, CallResult result, Instant now) {
        if (result == CallResult.HOTLINE_ERROR && random.isPresent() && !skipFor.isZero()) {
            skippedUntil.put(hotline, now.plus(skipFor));
        }
    }

    private boolean isSkipped(String hotline, Instant now) {
        Instant until = skippedUntil.get(hotline);
        return until != null && until.isAfter(now);
    }
}
