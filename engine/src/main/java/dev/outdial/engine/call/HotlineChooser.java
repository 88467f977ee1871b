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
 * exhausted" by the customer's own rules. The hotlines may be replaced while the campaign runs (an
 * admin disabled one, changed its number, or added one to the group); with none, nothing is dialed.
 */
public final class HotlineChooser {

    /** Autocall's SINGLE rotation: the first hotline only. */
    private final boolean firstOnly;
    private final Optional<Random> random;
    private final Duration skipFor;
    private final Map<String, Instant> skippedUntil = new HashMap<>();
    private List<String> hotlines;
    private int nextInTurn;

    private HotlineChooser(List<String> hotlines, boolean firstOnly, Optional<Random> random, Duration skipFor) {
        this.firstOnly = firstOnly;
        this.hotlines = pool(hotlines);
        this.random = random;
        this.skipFor = skipFor;
    }

    /** The hotlines in turn, never skipped: the dial types that have no rotation. */
    public static HotlineChooser inTurn(List<String> hotlines) {
        return new HotlineChooser(hotlines, false, Optional.empty(), Duration.ZERO);
    }

    /** Autocall's rotation over {@code hotlines} (one for SINGLE), skipping a failed hotline for {@code skipFor}. */
    public static HotlineChooser rotating(List<String> hotlines, AutocallSettings.Rotation rotation, Duration skipFor,
                                          Random random) {
        return new HotlineChooser(hotlines, rotation == AutocallSettings.Rotation.SINGLE, Optional.of(random), skipFor);
    }

    static HotlineChooser of(CampaignSettings settings) {
        return settings.autocall()
                .map(autocall -> rotating(settings.hotlines(), autocall.rotation(), autocall.hotlineSkip(),
                        new Random(autocall.seed())))
                .orElseGet(() -> inTurn(settings.hotlines()));
    }

    /**
     * From now on calls go out on {@code hotlines}. A hotline kept stays skipped as long as it was;
     * one that left the list is forgotten, so it is tried at once should it come back.
     */
    public void replace(List<String> hotlines) {
        this.hotlines = pool(hotlines);
        skippedUntil.keySet().retainAll(this.hotlines);
    }

    /** Whether the campaign has a hotline at all, skipped or not. */
    public boolean hasAny() {
        return !hotlines.isEmpty();
    }

    /** The hotline for a call placed now, or empty while every hotline is skipped, or there is none. */
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

    private List<String> pool(List<String> hotlines) {
        List<String> all = List.copyOf(hotlines);
        return firstOnly && all.size() > 1 ? all.subList(0, 1) : all;
    }

    private boolean isSkipped(String hotline, Instant now) {
        Instant until = skippedUntil.get(hotline);
        return until != null && until.isAfter(now);
    }
}
