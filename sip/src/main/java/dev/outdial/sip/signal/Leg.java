package dev.outdial.sip.signal;

import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.Telephony.Prompt;
import dev.outdial.sip.media.MediaLeg;
import java.time.Duration;
import java.util.Optional;

/** One call leg as the engine names it: a SIP leg of its own, or a virtual leg on an agent's nailed-up line. */
public interface Leg {

    CallId id();

    /** The leg's media once it is answered. */
    Optional<MediaLeg> media();

    /**
     * Lets {@code hearer}, the answered leg of an agent waiting on this call, hear it ring until it is answered; nothing
     * where it is not ringing (answered, ended, or a leg that never rings).
     */
    default void ringingHeardOn(MediaLeg hearer) {
    }

    /** Ends the leg (CANCEL or BYE), reporting its terminal event; harmless once ended. */
    void hangUp();

    /** What the leg hears and keys once it is answered; none on a leg without prompts of its own. */
    Optional<LegAudio> audio();

    /** Queues {@code prompt} after what plays now; {@code loop} plays it until the leg is bridged or ends. */
    default void play(Prompt prompt, boolean loop) {
        audio().ifPresent(audio -> audio.play(prompt, loop));
    }

    /** What the leg hears while the leg bridged to it is on hold, in place of Outdial's soft tone. */
    default void holdMusic(Prompt music) {
        audio().ifPresent(audio -> audio.holdMusic(music));
    }

    /** Stops what plays and what was queued so far; what is queued next plays at once. */
    default void stopPlaying() {
        audio().ifPresent(LegAudio::stopPlaying);
    }

    default void collectDigits(int maxDigits, Duration timeout) {
        audio().ifPresent(audio -> audio.collectDigits(maxDigits, timeout));
    }

    /** Hangs up once every prompt queued so far has played; at once where nothing plays. */
    default void hangUpAfterPrompts() {
        audio().ifPresentOrElse(LegAudio::hangUpAfterPrompts, this::hangUp);
    }
}
