package dev.outdial.engine.port;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Places and controls calls: the simulated carrier by default, a SIP trunk live (ARCHITECTURE §3).
 * Every method returns at once; what happens to a call comes back as {@link CallEvent}s to the
 * listener given when it was placed, on the adapter's thread (the engine hands them to its
 * {@link Scheduler}).
 */
public interface Telephony {

    /** Dials {@code to} from the hotline {@code from} (both E.164); it rings at most {@code ringTimeout}. */
    CallId place(String from, String to, Duration ringTimeout, Consumer<CallEvent> listener);

    /** Connects two answered legs, e.g. a waiting customer and the agent who takes them. */
    void bridge(CallId customerLeg, CallId agentLeg);

    /** Plays a prompt on an answered leg (IVR, waiting music). */
    void play(CallId call, Prompt prompt);

    /** Collects up to {@code maxDigits} keys, reported as {@link CallEvent.DigitsCollected}. */
    void collectDigits(CallId call, int maxDigits, Duration timeout);

    /** Ends the leg; hanging up a leg that has ended is harmless. */
    void hangUp(CallId call);

    /** What to play: an audio file or text to speak. */
    sealed interface Prompt {

        record AudioFile(String uri) implements Prompt {
            public AudioFile {
                Objects.requireNonNull(uri, "uri");
            }
        }

        record Speech(String text, String languageTag) implements Prompt {
            public Speech {
                Objects.requireNonNull(text, "text");
                Objects.requireNonNull(languageTag, "languageTag");
            }
        }
    }
}
