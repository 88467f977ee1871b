package dev.outdial.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Small audio files built byte by byte, so a test says exactly which header it sends. */
public final class AudioSamples {

    private AudioSamples() {
    }

    /** A mono 8 kHz WAV of {@code formatCode} (1 PCM 16-bit, 6 A-law, 7 µ-law) lasting {@code millis}. */
    public static byte[] wav(int formatCode, int millis) {
        int bitsPerSample = formatCode == 1 ? 16 : 8;
        int byteRate = 8000 * bitsPerSample / 8;
        int dataSize = (int) ((long) byteRate * millis / 1000);
        ByteBuffer out = ByteBuffer.allocate(44 + dataSize).order(ByteOrder.LITTLE_ENDIAN);
        out.put(ascii("RIFF")).putInt(36 + dataSize).put(ascii("WAVE"));
        out.put(ascii("fmt ")).putInt(16).putShort((short) formatCode).putShort((short) 1).putInt(8000)
                .putInt(byteRate).putShort((short) (bitsPerSample / 8)).putShort((short) bitsPerSample);
        out.put(ascii("data")).putInt(dataSize);
        return out.array();
    }

    public static byte[] wav(int millis) {
        return wav(1, millis);
    }

    /** An ID3v2 tag followed by one MPEG-1 Layer III frame header (128 kbit/s, 44.1 kHz) and padding. */
    public static byte[] mp3WithTag() {
        ByteBuffer out = ByteBuffer.allocate(10 + 5 + 417);
        out.put(ascii("ID3")).put((byte) 4).put((byte) 0).put((byte) 0).put(new byte[] {0, 0, 0, 5});
        out.put(new byte[5]);
        out.put(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64});
        return out.array();
    }

    public static byte[] mp3WithoutTag() {
        ByteBuffer out = ByteBuffer.allocate(417);
        out.put(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64});
        return out.array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
