package dev.outdial.shared;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.springframework.core.io.AbstractResource;

/**
 * A call's recording as a WAV read from the database a part at a time as it is sent: a long call (two megabytes a
 * minute) is never held whole in memory, and a player seeking in it asks for the part it needs (HTTP Range, which
 * Spring answers for a resource whose length is known, skipping to the range's start without reading what lies
 * before it).
 */
public final class RecordingAudio extends AbstractResource {

    /** The most read from the database at once. */
    public static final int PART = 256 * 1024;

    private final String callId;
    private final long size;
    private final Parts parts;

    /** The recording of {@code callId}, {@code size} bytes long, read through {@code parts}. */
    public RecordingAudio(String callId, long size, Parts parts) {
        this.callId = callId;
        this.size = size;
        this.parts = parts;
    }

    /** Reads the recording's bytes from {@code start} (0 the first); empty where it is gone. */
    @FunctionalInterface
    public interface Parts {
        Optional<byte[]> read(int start, int length);
    }

    @Override
    public long contentLength() {
        return size;
    }

    @Override
    public String getFilename() {
        return "call-" + callId + ".wav";
    }

    @Override
    public String getDescription() {
        return "the recording of call " + callId;
    }

    @Override
    public InputStream getInputStream() {
        return new PartByPart();
    }

    /** Reads the recording part by part; a recording deleted while it is read ends the read with an error. */
    private final class PartByPart extends InputStream {

        private long position;
        private byte[] part = new byte[0];
        private long partStart;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (position >= size) {
                return -1;
            }
            if (position < partStart || position >= partStart + part.length) {
                readPartAt(position);
            }
            int from = (int) (position - partStart);
            int count = Math.min(length, part.length - from);
            System.arraycopy(part, from, into, offset, count);
            position += count;
            return count;
        }

        @Override
        public long skip(long n) {
            long skipped = Math.max(0, Math.min(n, size - position));
            position += skipped;
            return skipped;
        }

        @Override
        public int available() {
            long buffered = partStart + part.length - position;
            return position >= partStart && buffered > 0 ? (int) buffered : 0;
        }

        private void readPartAt(long start) throws IOException {
            int length = (int) Math.min(PART, size - start);
            // A bytea holds at most 1 GB, so a start fits an int.
            byte[] read = parts.read(Math.toIntExact(start), length)
                    .orElseThrow(() -> new IOException(getDescription() + " was deleted while it was read"));
            if (read.length != length) {
                throw new IOException(getDescription() + " is shorter than its recorded size " + size);
            }
            part = read;
            partStart = start;
        }
    }
}
