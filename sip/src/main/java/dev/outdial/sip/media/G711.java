package dev.outdial.sip.media;

/**
 * ITU-T G.711 companding between 16-bit linear samples and 8-bit µ-law or A-law, by the standard's
 * segment rules (the decoder gives the standard's reconstruction values, scaled to 16 bits). Each
 * direction is a lookup table built once, so encoding a prompt and transcoding a relayed packet
 * cost one array read per sample. Public for {@link dev.outdial.sip.MulawSamples}, through which the server keeps
 * recordings in µ-law.
 */
public final class G711 {

    /** µ-law's code for zero: what a silent PCMU packet is made of. */
    static final byte ULAW_SILENCE = (byte) 0xFF;
    /** A-law's code for the smallest positive value: what a silent PCMA packet is made of. */
    static final byte ALAW_SILENCE = (byte) 0xD5;

    private static final int ULAW_BIAS = 0x84;
    private static final int ULAW_CLIP = 32635;

    private static final short[] ULAW_TO_LINEAR = new short[256];
    private static final short[] ALAW_TO_LINEAR = new short[256];
    private static final byte[] LINEAR_TO_ULAW = new byte[65536];
    private static final byte[] LINEAR_TO_ALAW = new byte[65536];
    private static final byte[] ULAW_TO_ALAW = new byte[256];
    private static final byte[] ALAW_TO_ULAW = new byte[256];

    static {
        for (int code = 0; code < 256; code++) {
            ULAW_TO_LINEAR[code] = (short) decodeUlaw(code);
            ALAW_TO_LINEAR[code] = (short) decodeAlaw(code);
        }
        for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample++) {
            LINEAR_TO_ULAW[sample & 0xFFFF] = (byte) encodeUlaw(sample);
            LINEAR_TO_ALAW[sample & 0xFFFF] = (byte) encodeAlaw(sample);
        }
        for (int code = 0; code < 256; code++) {
            ULAW_TO_ALAW[code] = LINEAR_TO_ALAW[ULAW_TO_LINEAR[code] & 0xFFFF];
            ALAW_TO_ULAW[code] = LINEAR_TO_ULAW[ALAW_TO_LINEAR[code] & 0xFFFF];
        }
    }

    private G711() {
    }

    public static byte encode(Codec codec, short sample) {
        return codec == Codec.PCMU ? LINEAR_TO_ULAW[sample & 0xFFFF] : LINEAR_TO_ALAW[sample & 0xFFFF];
    }

    public static short decode(Codec codec, byte code) {
        return codec == Codec.PCMU ? ULAW_TO_LINEAR[code & 0xFF] : ALAW_TO_LINEAR[code & 0xFF];
    }

    static byte silence(Codec codec) {
        return codec == Codec.PCMU ? ULAW_SILENCE : ALAW_SILENCE;
    }

    /** The samples in the codec, one byte each. */
    static byte[] encode(Codec codec, short[] samples) {
        byte[] encoded = new byte[samples.length];
        encode(codec, samples, encoded);
        return encoded;
    }

    /** The samples in the codec into {@code into}, one byte each: no array made on a path every packet takes. */
    static void encode(Codec codec, short[] samples, byte[] into) {
        byte[] table = codec == Codec.PCMU ? LINEAR_TO_ULAW : LINEAR_TO_ALAW;
        for (int i = 0; i < samples.length; i++) {
            into[i] = table[samples[i] & 0xFFFF];
        }
    }

    /** {@code length} bytes of the codec from {@code offset}, decoded into the first {@code length} of {@code into}. */
    static void decode(Codec codec, byte[] payload, int offset, int length, short[] into) {
        short[] table = codec == Codec.PCMU ? ULAW_TO_LINEAR : ALAW_TO_LINEAR;
        for (int i = 0; i < length; i++) {
            into[i] = table[payload[offset + i] & 0xFF];
        }
    }

    /**
     * Rewrites {@code length} bytes of one codec into the other in place (both are 8 kHz, one byte a
     * sample, so a packet keeps its size and timing); nothing changes when the codecs are the same.
     */
    static void transcode(Codec from, Codec to, byte[] payload, int offset, int length) {
        if (from == to) {
            return;
        }
        byte[] table = from == Codec.PCMU ? ULAW_TO_ALAW : ALAW_TO_ULAW;
        for (int i = offset; i < offset + length; i++) {
            payload[i] = table[payload[i] & 0xFF];
        }
    }

    // µ-law: the magnitude plus a bias of 33 (in 14-bit units) falls into one of 8 segments; the code
    // is the sign, the segment and 4 bits within it, all inverted (so that zero is 0xFF).
    private static int encodeUlaw(int sample) {
        int sign = sample < 0 ? 0x80 : 0;
        int magnitude = Math.min(Math.abs(sample), ULAW_CLIP) + ULAW_BIAS;
        int segment = 7;
        for (int mask = 0x4000; (magnitude & mask) == 0 && segment > 0; mask >>= 1) {
            segment--;
        }
        int mantissa = (magnitude >> (segment + 3)) & 0x0F;
        return ~(sign | (segment << 4) | mantissa) & 0xFF;
    }

    private static int decodeUlaw(int code) {
        int inverted = ~code & 0xFF;
        int segment = (inverted >> 4) & 0x07;
        int mantissa = inverted & 0x0F;
        int magnitude = (((mantissa << 3) + ULAW_BIAS) << segment) - ULAW_BIAS;
        return (inverted & 0x80) != 0 ? -magnitude : magnitude;
    }

    // A-law: a 13-bit magnitude in 8 segments, the first two linear; even bits are inverted (0x55)
    // so that the idle channel is not all zeros.
    private static int encodeAlaw(int sample) {
        int value = sample >> 3;
        int mask;
        if (value >= 0) {
            mask = 0xD5;
        } else {
            mask = 0x55;
            value = -value - 1;
        }
        int segment = 0;
        while (segment < 8 && value >= (0x20 << segment)) {
            segment++;
        }
        if (segment >= 8) {
            return 0x7F ^ mask;
        }
        int code = segment << 4;
        code |= segment < 2 ? (value >> 1) & 0x0F : (value >> segment) & 0x0F;
        return code ^ mask;
    }

    private static int decodeAlaw(int code) {
        int value = code ^ 0x55;
        int magnitude = (value & 0x0F) << 4;
        int segment = (value & 0x70) >> 4;
        magnitude += segment == 0 ? 8 : 0x108;
        if (segment > 1) {
            magnitude <<= segment - 1;
        }
        return (value & 0x80) != 0 ? magnitude : -magnitude;
    }
}
