package dev.outdial.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What an uploaded file really is, read from its bytes rather than its name: a WAV whose RIFF
 * header carries a format chunk a telephone line can play (PCM, A-law or µ-law), or an MP3 that
 * starts with an ID3 tag or a Layer III frame. Anything else is refused, so a renamed document
 * never reaches a caller's ear.
 */
public final class AudioInspection {

    /** WAVE format codes: PCM, A-law, µ-law, and "extensible" whose sub-format is one of those. */
    private static final int PCM = 1;
    private static final int ALAW = 6;
    private static final int ULAW = 7;
    private static final int EXTENSIBLE = 0xFFFE;

    private AudioInspection() {
    }

    /** The format and, where the header tells it, the duration. */
    public record Inspected(AudioFormat format, Long durationMillis) {
    }

    public static Optional<Inspected> inspect(byte[] bytes) {
        if (startsWith(bytes, 0, "RIFF") && startsWith(bytes, 8, "WAVE")) {
            return wav(bytes);
        }
        return mp3(bytes);
    }

    private static Optional<Inspected> wav(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int position = 12;
        Integer byteRate = null;
        while (position + 8 <= bytes.length) {
            String id = new String(bytes, position, 4, StandardCharsets.US_ASCII);
            long size = Integer.toUnsignedLong(in.getInt(position + 4));
            int body = position + 8;
            if (id.equals("fmt ")) {
                if (size < 16 || body + 16 > bytes.length || !playable(in, body, size)) {
                    return Optional.empty();
                }
                byteRate = in.getInt(body + 8);
            } else if (id.equals("data")) {
                if (byteRate == null || byteRate <= 0) {
                    return Optional.empty();
                }
                // A streaming writer may leave the size at its maximum; the bytes present are the truth then.
                long dataBytes = Math.min(size, bytes.length - body);
                return Optional.of(new Inspected(AudioFormat.WAV, dataBytes * 1000 / byteRate));
            }
            // Chunks are padded to an even length.
            position = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1));
        }
        return Optional.empty();
    }

    private static boolean playable(ByteBuffer in, int body, long size) {
        int code = Short.toUnsignedInt(in.getShort(body));
        if (code == EXTENSIBLE && size >= 26 && body + 26 <= in.limit()) {
            code = Short.toUnsignedInt(in.getShort(body + 24));
        }
        return code == PCM || code == ALAW || code == ULAW;
    }

    private static Optional<Inspected> mp3(byte[] bytes) {
        int start = 0;
        if (startsWith(bytes, 0, "ID3") && bytes.length >= 10) {
            // The tag's size is "syncsafe": seven bits per byte.
            int tagSize = (bytes[6] & 0x7F) << 21 | (bytes[7] & 0x7F) << 14 | (bytes[8] & 0x7F) << 7 | (bytes[9] & 0x7F);
            start = 10 + tagSize;
        }
        return isLayer3Frame(bytes, start) ? Optional.of(new Inspected(AudioFormat.MP3, null)) : Optional.empty();
    }

    /** Eleven sync bits, a known MPEG version, Layer III, and a bitrate and sample rate that are not reserved. */
    private static boolean isLayer3Frame(byte[] bytes, int at) {
        if (at < 0 || at + 4 > bytes.length) {
            return false;
        }
        int b1 = bytes[at + 1] & 0xFF;
        int b2 = bytes[at + 2] & 0xFF;
        boolean sync = (bytes[at] & 0xFF) == 0xFF && (b1 & 0xE0) == 0xE0;
        boolean version = (b1 >> 3 & 0x3) != 0x1;
        boolean layer3 = (b1 >> 1 & 0x3) == 0x1;
        boolean bitrate = (b2 >> 4) != 0xF && (b2 >> 4) != 0;
        boolean sampleRate = (b2 >> 2 & 0x3) != 0x3;
        return sync && version && layer3 && bitrate && sampleRate;
    }

    private static boolean startsWith(byte[] bytes, int at, String ascii) {
        if (bytes.length < at + ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (bytes[at + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
