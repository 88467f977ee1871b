package dev.outdial.sip.media;

import java.util.Optional;

/**
 * When an answering machine's greeting is over and it records: as soon as its beep ends ({@link Beeps}); without a
 * beep heard, once its line has been silent for {@link #SILENCE_AFTER_MS}; or at the latest after {@link #LONGEST_MS}
 * of audio, for a greeting that never pauses so long (the message is then left over its end rather than not at all).
 * The beep matters where the line after it is not quiet (a hiss or a hum above the silence threshold), which would
 * otherwise keep the message back to the latest.
 */
final class GreetingEnd implements Hearing<Boolean> {

    static final int SILENCE_AFTER_MS = 1_000;
    static final int LONGEST_MS = 30_000;

    private final Beeps beeps = new Beeps();
    private int heardMs;
    private int silentMs;
    private boolean over;

    @Override
    public Optional<Boolean> heard(short[] samples, int count) {
        boolean voiced = Hearing.voiced(samples, count);
        return block(count / 8, voiced, beeps.endedBefore(voiced ? Beeps.toneOf(samples, count) : 0, count / 8));
    }

    @Override
    public Optional<Boolean> silence(int ms) {
        return block(ms, false, beeps.endedBeforeSilence());
    }

    private Optional<Boolean> block(int ms, boolean voiced, boolean beepEnded) {
        heardMs += ms;
        silentMs = voiced ? 0 : silentMs + ms;
        over |= beepEnded || silentMs >= SILENCE_AFTER_MS || heardMs >= LONGEST_MS;
        return over ? Optional.of(true) : Optional.empty();
    }
}
