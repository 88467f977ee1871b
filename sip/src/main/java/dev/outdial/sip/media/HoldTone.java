package dev.outdial.sip.media;

/**
 * What a caller hears on hold where no music was given: two soft notes, then silence, every four seconds, so the line
 * is heard to be alive and nobody takes it for dead air and hangs up.
 */
final class HoldTone {

    private static final int RATE = Resampler.TARGET_RATE;
    private static final int NOTE_SAMPLES = RATE * 150 / 1000;
    private static final int CYCLE_SAMPLES = RATE * 4;
    /** About −20 dBFS: heard, never loud. */
    private static final double AMPLITUDE = 3300;

    static final AudioClip CLIP = AudioClip.of8kHzSamples(samples());

    private HoldTone() {
    }

    private static short[] samples() {
        short[] samples = new short[CYCLE_SAMPLES];
        note(samples, 0, 523.25);
        note(samples, NOTE_SAMPLES + RATE / 20, 659.25);
        return samples;
    }

    /** A note with a short rise and fall, so it starts and stops without a click. */
    private static void note(short[] into, int at, double hertz) {
        int ramp = RATE / 100;
        for (int i = 0; i < NOTE_SAMPLES; i++) {
            double envelope = Math.min(1, Math.min(i, NOTE_SAMPLES - 1 - i) / (double) ramp);
            into[at + i] = (short) Math.round(AMPLITUDE * envelope * Math.sin(2 * Math.PI * hertz * i / RATE));
        }
    }
}
