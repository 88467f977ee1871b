package dev.outdial.engine.call;

import dev.outdial.engine.ivr.IvrTree;
import java.time.Duration;
import java.util.Objects;

/**
 * What an autocall campaign runs beyond the common settings (SPEC §4.1, §5).
 *
 * @param ivr            the tree played to every answered customer
 * @param rotation       SINGLE: the campaign's one hotline; RANDOM: any of the campaign's hotlines
 *                       (the server resolves a group or all of the business's hotlines into the list)
 * @param hotlineSkip    how long a hotline that failed (HOTLINE_ERROR) is left out of the rotation
 * @param agentWait      CONNECT_AGENT: how long the customer waits for a free agent of the campaign
 *                       before the call ends
 * @param promptLanguage the language text prompts are spoken in (BCP 47)
 * @param seed           seeds the random hotline choice, so a simulation replays the same day
 */
public record AutocallSettings(IvrTree ivr, Rotation rotation, Duration hotlineSkip, Duration agentWait,
                               String promptLanguage, long seed) {

    /** "Do not reverse numbers" or "randomly reverse" (the manual's hotline rotation). */
    public enum Rotation { SINGLE, RANDOM }

    /** Failing hotlines are tried again after this long unless the server says otherwise. */
    public static final Duration DEFAULT_HOTLINE_SKIP = Duration.ofMinutes(5);

    /** A customer who asked for an agent waits this long for one unless the server says otherwise. */
    public static final Duration DEFAULT_AGENT_WAIT = Duration.ofSeconds(30);

    public AutocallSettings {
        Objects.requireNonNull(ivr, "ivr");
        Objects.requireNonNull(rotation, "rotation");
        Objects.requireNonNull(promptLanguage, "promptLanguage");
        if (hotlineSkip.isNegative() || agentWait.isNegative() || agentWait.isZero()) {
            throw new IllegalArgumentException("hotlineSkip must not be negative and agentWait must be positive");
        }
    }
}
