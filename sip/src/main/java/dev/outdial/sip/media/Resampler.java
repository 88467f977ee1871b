package dev.outdial.sip.media;

import java.io.IOException;

/**
 * Converts a mono stream of any sample rate to 8 kHz with a windowed-sinc (Kaiser) low-pass, fed
 * in chunks as a file is decoded so a long upload is never held at its own rate.
 *
 * <p>Why not the JDK's converter: {@code AudioSystem.getAudioInputStream(8 kHz, …)} does change the
 * rate, but by interpolation without a low-pass before decimation, so everything a 44.1 kHz file
 * holds between 4 and 22 kHz folds back into the telephone band (a 5 kHz tone comes out as a 3 kHz
 * tone at nearly full level). Here the filter's cut-off is 3.6 kHz, below the new Nyquist of 4 kHz.
 *
 * <p>Output sample {@code n} lies at input position {@code n·M/L} ({@code L/M} = 8000/rate reduced);
 * its fractional part is one of {@code L} phases, each with its own pre-computed taps.
 */
final class Resampler {

    /** What prompts are converted to: the rate of the calls they are played on. */
    static final int TARGET_RATE = Codec.CLOCK_RATE;
    private static final double CUTOFF_HZ = 3600;
    private static final int ZERO_CROSSINGS = 32;
    private static final double KAISER_BETA = 6.5;
    private static final int MAX_PHASES = 1024;

    private final int up;
    private final int down;
    private final int halfTaps;
    private final float[][] phases;
    private final SampleSink sink;

    private float[] input = new float[8192];
    private int inputLength;
    private long inputStart;
    private long outputIndex;

    Resampler(int sourceRate, SampleSink sink) {
        if (sourceRate < 1000 || sourceRate > 384_000) {
            throw new IllegalArgumentException("sample rate " + sourceRate + " Hz");
        }
        this.sink = sink;
        int gcd = gcd(sourceRate, TARGET_RATE);
        this.up = TARGET_RATE / gcd;
        this.down = sourceRate / gcd;
        if (up == down) {
            this.halfTaps = 0;
            this.phases = new float[0][];
            return;
        }
        double cutoff = Math.min(CUTOFF_HZ, 0.45 * sourceRate) / sourceRate; // cycles per input sample
        this.halfTaps = (int) Math.ceil(ZERO_CROSSINGS / (2 * cutoff) / 2);
        int phaseCount = Math.min(up, MAX_PHASES);
        this.phases = new float[phaseCount][];
        for (int p = 0; p < phaseCount; p++) {
            phases[p] = taps((double) p / phaseCount, cutoff);
        }
    }

    /** Adds {@code count} samples (full scale ±32768). */
    void accept(float[] samples, int count) throws IOException {
        if (up == down) {
            for (int i = 0; i < count; i++) {
                sink.add(clip(samples[i]));
            }
            return;
        }
        ensureRoom(count);
        System.arraycopy(samples, 0, input, inputLength, count);
        inputLength += count;
        emit(false);
    }

    /** Emits what the last samples still owe, as though silence followed them. */
    void finish() throws IOException {
        if (up != down) {
            emit(true);
        }
    }

    private void emit(boolean atEnd) throws IOException {
        long available = inputStart + inputLength;
        while (true) {
            long position = outputIndex * down;
            long centre = position / up;
            if (atEnd ? centre >= available : centre + halfTaps >= available) {
                break;
            }
            int phase = (int) ((position % up) * phases.length / up);
            float[] taps = phases[phase];
            double sum = 0;
            long first = centre - halfTaps + 1;
            for (int k = 0; k < taps.length; k++) {
                long at = first + k;
                if (at >= inputStart && at < available) {
                    sum += taps[k] * input[(int) (at - inputStart)];
                }
            }
            sink.add(clip(sum));
            outputIndex++;
        }
        discardBefore((outputIndex * down) / up - halfTaps + 1);
    }

    private void discardBefore(long absolute) {
        int drop = (int) Math.min(inputLength, Math.max(0, absolute - inputStart));
        if (drop > 0) {
            System.arraycopy(input, drop, input, 0, inputLength - drop);
            inputLength -= drop;
            inputStart += drop;
        }
    }

    private void ensureRoom(int count) {
        if (inputLength + count > input.length) {
            float[] larger = new float[Math.max(input.length * 2, inputLength + count)];
            System.arraycopy(input, 0, larger, 0, inputLength);
            input = larger;
        }
    }

    /** Taps for an output lying {@code fraction} of an input sample past the centre sample, summing to 1. */
    private float[] taps(double fraction, double cutoff) {
        float[] taps = new float[2 * halfTaps];
        double sum = 0;
        double[] values = new double[taps.length];
        for (int k = 0; k < taps.length; k++) {
            double t = (k - halfTaps + 1) - fraction;
            double sinc = t == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * t) / (Math.PI * t);
            values[k] = sinc * kaiser(t / halfTaps);
            sum += values[k];
        }
        for (int k = 0; k < taps.length; k++) {
            taps[k] = (float) (values[k] / sum);
        }
        return taps;
    }

    private static double kaiser(double x) {
        if (Math.abs(x) >= 1) {
            return 0;
        }
        return bessel0(KAISER_BETA * Math.sqrt(1 - x * x)) / bessel0(KAISER_BETA);
    }

    private static double bessel0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 40; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
        }
        return sum;
    }

    private static short clip(double sample) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(sample)));
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** Where the 8 kHz samples go. */
    interface SampleSink {
        void add(short sample) throws IOException;
    }
}
