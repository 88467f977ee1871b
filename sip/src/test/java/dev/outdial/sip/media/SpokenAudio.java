package dev.outdial.sip.media;

import java.util.Arrays;
import java.util.Random;

/** Test audio shaped like speech for an energy detector: words, the pauses between them, a beep, and a line's hiss. */
public final class SpokenAudio {

    private static final int SAMPLES_PER_MS = 8;

    private SpokenAudio() {
    }

    /** A voiced stretch: a tone of 200 Hz and its third harmonic at a talker's level. */
    public static short[] voice(int ms) {
        short[] voice = new short[ms * SAMPLES_PER_MS];
        for (int i = 0; i < voice.length; i++) {
            double t = (double) i / 8000;
            voice[i] = (short) (3000 * Math.sin(2 * Math.PI * 200 * t) + 1500 * Math.sin(2 * Math.PI * 600 * t));
        }
        return voice;
    }

    /** An answering machine's beep: 1 kHz, loud. */
    public static short[] beep(int ms) {
        return Tone.sine(1000, 8000, ms * SAMPLES_PER_MS, 8000);
    }

    /**
     * A North American network's special information tones for an intercept (the number is not in service): 913.8 Hz
     * for 274 ms, 1,370.6 Hz for 274 ms, 1,776.7 Hz for 380 ms.
     */
    public static short[] interceptTones() {
        return joined(Tone.sine(913.8, 8000, 274 * SAMPLES_PER_MS, 6000),
                Tone.sine(1370.6, 8000, 274 * SAMPLES_PER_MS, 6000),
                Tone.sine(1776.7, 8000, 380 * SAMPLES_PER_MS, 6000));
    }

    /** A network's busy tone as Europe and Vietnam play it: 425 Hz, 350 ms on and 350 ms off, for {@code ms}. */
    public static short[] busyTone(int ms) {
        short[] tone = silence(ms);
        for (int i = 0; i < tone.length; i++) {
            if (i / SAMPLES_PER_MS % 700 < 350) {
                tone[i] = (short) (5000 * Math.sin(2 * Math.PI * 425 * i / 8000));
            }
        }
        return tone;
    }

    /** A key pressed on a phone's keypad, as its two tones (ITU-T Q.23) sound in the audio. */
    public static short[] dtmf(char key, int ms) {
        int at = "123A456B789C*0#D".indexOf(key);
        double row = new double[] {697, 770, 852, 941}[at / 4];
        double column = new double[] {1209, 1336, 1477, 1633}[at % 4];
        short[] tones = new short[ms * SAMPLES_PER_MS];
        for (int i = 0; i < tones.length; i++) {
            double t = (double) i / 8000;
            tones[i] = (short) (4000 * Math.sin(2 * Math.PI * row * t) + 4000 * Math.sin(2 * Math.PI * column * t));
        }
        return tones;
    }

    /** A line's hiss, well under a talker. */
    public static short[] silence(int ms) {
        short[] hiss = new short[ms * SAMPLES_PER_MS];
        Random random = new Random(ms);
        for (int i = 0; i < hiss.length; i++) {
            hiss[i] = (short) random.nextInt(-60, 61);
        }
        return hiss;
    }

    /** A line never quiet: a mains hum with a hiss, louder than the silence threshold, as some lines are. */
    public static short[] hum(int ms) {
        short[] hum = new short[ms * SAMPLES_PER_MS];
        for (int i = 0; i < hum.length; i++) {
            hum[i] = (short) (1200 * Math.sin(2 * Math.PI * 50 * i / 8000.0) + (i * 7919 % 401) - 200);
        }
        return hum;
    }

    /** A recorded greeting: words of 250–400 ms parted by the short pauses of fluent speech. */
    public static short[] recordedGreeting(int words) {
        short[][] parts = new short[words * 2][];
        for (int word = 0; word < words; word++) {
            parts[2 * word] = voice(250 + 50 * (word % 4));
            parts[2 * word + 1] = silence(120);
        }
        return joined(parts);
    }

    public static short[] joined(short[]... parts) {
        short[] all = new short[Arrays.stream(parts).mapToInt(part -> part.length).sum()];
        int at = 0;
        for (short[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /** The samples as G.711 in the codec, one byte a sample. */
    public static byte[] encoded(Codec codec, short[] samples) {
        return G711.encode(codec, samples);
    }
}
