package dev.outdial.sip.media;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

/**
 * Names a WAV's encoding from its {@code fmt } chunk, so a refusal says which encoding it was
 * (the JDK only says "not supported"). Looks ahead without consuming the stream.
 */
final class WavFormatTag {

    private static final int LOOK_AHEAD = 64 * 1024;
    private static final Map<Integer, String> NAMES = Map.of(
            0x0001, "PCM", 0x0002, "Microsoft ADPCM", 0x0003, "IEEE float", 0x0006, "A-law",
            0x0007, "µ-law", 0x0011, "IMA ADPCM", 0x0031, "GSM 6.10", 0x0055, "MPEG layer 3",
            0xFFFE, "extensible");

    private WavFormatTag() {
    }

    static String describe(BufferedInputStream wav) throws IOException {
        wav.mark(LOOK_AHEAD);
        byte[] head = wav.readNBytes(LOOK_AHEAD);
        wav.reset();
        ByteBuffer buffer = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        int at = 12;
        while (at + 8 <= head.length) {
            String id = new String(head, at, 4, java.nio.charset.StandardCharsets.US_ASCII);
            long size = Integer.toUnsignedLong(buffer.getInt(at + 4));
            if (id.equals("fmt ") && at + 8 + 16 <= head.length) {
                int tag = buffer.getShort(at + 8) & 0xFFFF;
                int bits = buffer.getShort(at + 8 + 14) & 0xFFFF;
                return NAMES.getOrDefault(tag, "format 0x%04X".formatted(tag)) + " " + bits + "-bit";
            }
            at += 8 + (int) Math.min(size + (size & 1), LOOK_AHEAD);
        }
        return "(no fmt chunk)";
    }
}
