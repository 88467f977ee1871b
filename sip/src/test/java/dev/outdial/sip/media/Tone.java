package dev.outdial.sip.media;

/** Test audio: sine tones, and the Goertzel algorithm to measure one frequency's level. */
final class Tone {

    private Tone() {
    }

    static short[] sine(double frequency, int sampleRate, int samples, double amplitude) {
        short[] tone = new short[samples];
        for (int i = 0; i < samples; i++) {
            tone[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * frequency * i / sampleRate));
        }
        return tone;
    }

    /** The amplitude of {@code frequency} in the samples (a full-scale sine of amplitude A gives about A). */
    static double level(short[] samples, double frequency, int sampleRate) {
        double coefficient = 2 * Math.cos(2 * Math.PI * frequency / sampleRate);
        double previous = 0;
        double beforePrevious = 0;
        for (short sample : samples) {
            double current = sample + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        double power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
        return 2 * Math.sqrt(Math.max(0, power)) / samples.length;
    }

    /** The middle of the samples, leaving out {@code edge} at each end (filters ring at the edges). */
    static short[] middle(short[] samples, int edge) {
        return java.util.Arrays.copyOfRange(samples, edge, samples.length - edge);
    }
}
