package dev.outdial.shared;

import dev.outdial.sip.MulawSamples;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A call recording's WAV (16-bit PCM, as the SIP adapter writes it) kept as its 44-byte header and its samples in
 * G.711 µ-law: half the bytes, and nothing lost of a call whose audio came in µ-law (decoded and encoded again it is
 * the same byte; A-law's and mixed audio move by at most one step of µ-law's scale). It is sent as the 16-bit WAV it
 * decodes to, so players and API clients get the format they always had. The companding is the SIP adapter's own.
 */
final class MulawWav {

    static final int HEADER = 44;

    private MulawWav() {
    }

    /** What to keep of a WAV: its header and µ-law samples, and their size. */
    record Kept(InputStream content, long size) {
    }

    /**
     * What to keep of the WAV of {@code size} bytes whose {@code header} was read and whose samples {@code rest} reads,
     * where it is a plain 16-bit PCM WAV whose data runs to its end; empty otherwise (it is then kept as it is).
     */
    static Optional<Kept> of(byte[] header, InputStream rest, long size) {
        if (!isPlain16BitPcm(header, size)) {
            return Optional.empty();
        }
        return Optional.of(new Kept(new SequenceInputStream(new ByteArrayInputStream(header), new Encoding(rest)),
                HEADER + (size - HEADER) / 2));
    }

    /**
     * The bytes of the 16-bit WAV sent, read from the bytes kept: the header as it is, each µ-law sample decoded to
     * two bytes, reading only the kept bytes the range needs.
     */
    static RecordingAudio.Parts sentFrom(RecordingAudio.Parts kept) {
        return (start, length) -> {
            int end = start + length;
            int keptStart = start < HEADER ? start : HEADER + (start - HEADER) / 2;
            int keptEnd = end <= HEADER ? end : HEADER + (end - HEADER + 1) / 2;
            int sentStart = keptStart < HEADER ? keptStart : HEADER + 2 * (keptStart - HEADER);
            return kept.read(keptStart, keptEnd - keptStart).map(read -> {
                byte[] sent = decoded(read, keptStart);
                byte[] part = new byte[Math.min(length, sent.length - (start - sentStart))];
                System.arraycopy(sent, start - sentStart, part, 0, part.length);
                return part;
            });
        };
    }

    /** Kept bytes from {@code keptStart} as sent: the header's as they are, each sample as two little-endian bytes. */
    private static byte[] decoded(byte[] kept, int keptStart) {
        int headerBytes = Math.max(0, Math.min(kept.length, HEADER - keptStart));
        byte[] sent = new byte[headerBytes + 2 * (kept.length - headerBytes)];
        System.arraycopy(kept, 0, sent, 0, headerBytes);
        MulawSamples.decode(kept, headerBytes, kept.length - headerBytes, sent, headerBytes);
        return sent;
    }

    /** A canonical 44-byte header of 16-bit PCM whose data chunk is the rest of the file, of an even length. */
    private static boolean isPlain16BitPcm(byte[] header, long size) {
        if (header.length != HEADER || (size - HEADER) % 2 != 0) {
            return false;
        }
        ByteBuffer wav = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        return ascii(header, 0).equals("RIFF") && ascii(header, 8).equals("WAVE") && ascii(header, 12).equals("fmt ")
                && wav.getInt(16) == 16 && wav.getShort(20) == 1 && wav.getShort(34) == 16
                && ascii(header, 36).equals("data") && Integer.toUnsignedLong(wav.getInt(40)) == size - HEADER;
    }

    private static String ascii(byte[] bytes, int at) {
        return new String(bytes, at, 4, StandardCharsets.US_ASCII);
    }

    /** 16-bit little-endian samples read from {@code pcm}, given as µ-law bytes, a buffer at a time. */
    private static final class Encoding extends InputStream {

        private final InputStream pcm;
        private final byte[] read = new byte[16 * 1024];
        private final byte[] encoded = new byte[read.length / 2];
        private int next;
        private int count;

        Encoding(InputStream pcm) {
            this.pcm = pcm;
        }

        @Override
        public int read() throws IOException {
            return fill() ? encoded[next++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int given = Math.min(length, count - next);
            System.arraycopy(encoded, next, into, offset, given);
            next += given;
            return given;
        }

        /** Whether a byte is there to give, encoding the next buffer of samples where none is left. */
        private boolean fill() throws IOException {
            if (next < count) {
                return true;
            }
            count = pcm.readNBytes(read, 0, read.length) / 2;
            next = 0;
            MulawSamples.encode(read, 0, count, encoded);
            return count > 0;
        }
    }
}
