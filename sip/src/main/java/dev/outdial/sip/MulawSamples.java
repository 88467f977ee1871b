package dev.outdial.sip;

import dev.outdial.sip.media.Codec;
import dev.outdial.sip.media.G711;

/**
 * The 16-bit little-endian samples of the recordings' WAVs in G.711 µ-law and back, with the companding the calls'
 * audio had: how the server keeps a recording in half its bytes and sends it again as it was written.
 */
public final class MulawSamples {

    private MulawSamples() {
    }

    /** {@code samples} samples of {@code pcm} from byte {@code from}, as one µ-law byte each into {@code into}. */
    public static void encode(byte[] pcm, int from, int samples, byte[] into) {
        for (int i = 0; i < samples; i++) {
            int at = from + 2 * i;
            into[i] = G711.encode(Codec.PCMU, (short) ((pcm[at] & 0xFF) | (pcm[at + 1] << 8)));
        }
    }

    /** {@code count} µ-law bytes of {@code mulaw} from {@code from}, two bytes each into {@code into} at {@code at}. */
    public static void decode(byte[] mulaw, int from, int count, byte[] into, int at) {
        for (int i = 0; i < count; i++) {
            short sample = G711.decode(Codec.PCMU, mulaw[from + i]);
            into[at + 2 * i] = (byte) sample;
            into[at + 2 * i + 1] = (byte) (sample >> 8);
        }
    }
}
