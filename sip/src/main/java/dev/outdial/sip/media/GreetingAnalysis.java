package dev.outdial.sip.media;

import java.util.Optional;

/**
 * Tells a person from an answering machine by the shape of what the called party says first, block by block of
 * received audio: the energy method every dialer has used since the 1990s (Asterisk's {@code AMD()} the best known).
 *
 * <p>A person picks up and says one or two words ("Hello?") and waits; a machine plays a greeting of many words
 * ("Hi, you've reached…"). So the greeting is split into words (voiced stretches of at least {@link #MIN_WORD_MS}
 * parted by at least {@link #BETWEEN_WORDS_MS} of silence), and:
 * <ul>
 *   <li>a network's tones ({@link NetworkTones}) are what they say: special information tones the number
 *       {@link Answerer#NOT_IN_SERVICE}, or {@link Answerer#CONGESTION}, a busy tone {@link Answerer#BUSY}; none of
 *       their tones is taken for a beep;</li>
 *   <li>a beep ({@link Beeps}) is a {@link Answerer#MACHINE}: one with no greeting but its beep, or a greeting short
 *       enough to pass for a hello, records from there (a fax machine's answer tone likewise);</li>
 *   <li>a greeting followed by {@link #AFTER_GREETING_SILENCE_MS} of silence is a {@link Answerer#PERSON};</li>
 *   <li>one that goes on past {@link #MAX_GREETING_MS}, or has more than {@link #MAX_WORDS} words, a
 *       {@link Answerer#MACHINE};</li>
 *   <li>{@link #INITIAL_SILENCE_MS} of silence before any word, or {@link #MAX_ANALYSIS_MS} without a verdict,
 *       {@link Answerer#NOT_SURE}. Some dialers call a long silence a machine; here it is someone who waits for
 *       the caller to speak first, as many now do with unknown numbers, and who must not be hung up on.</li>
 * </ul>
 * Not thread-safe: one thread feeds it.
 */
final class GreetingAnalysis implements Hearing<Answerer> {

    static final int MIN_WORD_MS = 100;
    static final int BETWEEN_WORDS_MS = 50;
    static final int MAX_WORDS = 3;
    static final int MAX_GREETING_MS = 1_500;
    static final int AFTER_GREETING_SILENCE_MS = 800;
    static final int INITIAL_SILENCE_MS = 2_500;
    static final int MAX_ANALYSIS_MS = 5_000;

    private final Beeps beeps = new Beeps();
    private final NetworkTones networkTones = new NetworkTones();
    /** A beep ended: a machine's, unless the tones heard turn out to be the network's. */
    private boolean beepHeard;
    private int heardMs;
    private int voicedMs;
    private int silentMs;
    private int words;
    private boolean inWord;
    private int greetingStartMs = -1;
    /** Where the last voiced block ended: the greeting's length is to there, its pauses but not the silence after. */
    private int lastVoicedMs;
    private Answerer verdict;

    @Override
    public Optional<Answerer> heard(short[] samples, int count) {
        if (verdict == null && count > 0) {
            boolean voiced = Hearing.voiced(samples, count);
            double tone = voiced ? Beeps.toneOf(samples, count) : 0;
            block(count / 8, voiced, tone, voiced && BusyTones.isTone(samples, count, tone));
        }
        return Optional.ofNullable(verdict);
    }

    @Override
    public Optional<Answerer> silence(int ms) {
        if (verdict == null && ms > 0) {
            block(ms, false, 0, false);
        }
        return Optional.ofNullable(verdict);
    }

    /** {@code ms} of audio, {@code voiced} or not, whose one tone is {@code tone} (0: none), a busy tone's or not. */
    private void block(int ms, boolean voiced, double tone, boolean busyTone) {
        Optional<Answerer> announced = networkTones.block(tone, busyTone, ms);
        beepHeard |= beeps.endedBefore(tone, ms);
        heardMs += ms;
        if (voiced) {
            voicedMs += ms;
            silentMs = 0;
            lastVoicedMs = heardMs;
            if (!inWord && voicedMs >= MIN_WORD_MS) {
                inWord = true;
                words++;
                if (greetingStartMs < 0) {
                    greetingStartMs = heardMs - voicedMs;
                }
            }
        } else {
            silentMs += ms;
            if (silentMs >= BETWEEN_WORDS_MS) {
                inWord = false;
                voicedMs = 0;
            }
        }
        if (announced.isPresent()) {
            verdict = announced.get();
        } else if (!networkTones.underway()) {
            verdict = beepHeard ? Answerer.MACHINE : judged();
        }
    }

    private Answerer judged() {
        boolean greeted = words > 0;
        if (words > MAX_WORDS) {
            return Answerer.MACHINE;
        }
        if (greeted && silentMs >= AFTER_GREETING_SILENCE_MS) {
            return Answerer.PERSON;
        }
        if (greeted && lastVoicedMs - greetingStartMs > MAX_GREETING_MS) {
            return Answerer.MACHINE;
        }
        if (!greeted && heardMs >= INITIAL_SILENCE_MS || heardMs >= MAX_ANALYSIS_MS) {
            return Answerer.NOT_SURE;
        }
        return null;
    }
}
