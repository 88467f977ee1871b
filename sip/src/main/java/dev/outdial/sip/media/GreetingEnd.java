package dev.outdial.sip.media;

import java.util.Optional;

/**
 * When an answering machine's greeting is over and it records: once its line has been silent for
 * {@link #SILENCE_AFTER_MS} (the greeting and its beep ended), or at the latest after {@link #LONGEST_MS} of audio,
 * for a greeting that never pauses so long (the message is then left over its end rather than not at all).
 */
final class GreetingEnd implements Hearing<Boolean> {

    static final int SILENCE_AFTER_MS = 1_000;
    static final int LONGEST_MS = 30_000;

    private int heardMs;
    private int silentMs;

    @Override
    public Optional<Boolean> heard(short[] samples, int count) {
        return block(count / 8, Hearing.voiced(samples, count));
    }

    @Override
    public Optional<Boolean> silence(int ms) {
        return block(ms, false);
    }

    private Optional<Boolean> block(int ms, boolean voiced) {
        heardMs += ms;
        silentMs = voiced ? 0 : silentMs + ms;
        return silentMs >= SILENCE_AFTER_MS || heardMs >= LONGEST_MS ? Optional.of(true) : Optional.empty();
    }
}
