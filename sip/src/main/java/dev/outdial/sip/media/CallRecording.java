package dev.outdial.sip.media;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Both sides of one leg's call, as a two-channel WAV (8 kHz, 16-bit PCM): left what the far end says, right what it
 * hears (the agent it is bridged to, or the prompts and music played to it). Each side is written to a file of its own
 * as its packets come, placed by when they came, so the two stay together however each side's packets are paced:
 * a side that sends nothing for a while (silence suppression, a lost stretch) is silent there, and a packet that
 * comes early or late by a little is put right after the one before it. Once the leg recorded closes, the recording is
 * handed to its owner, who {@link #finish}es it into a WAV as long as the call was recorded: silence both ways at the
 * end (or all along) is part of the call, though no packet brought it.
 *
 * <p>Why files and not memory: a recorded call takes 32 KB a second, and a node records as many calls as it has up.
 * The files are named for the call ({@code said-<call>.<nonce>.pcm}, {@code heard-…}), so what a node killed mid-call
 * left behind is still the call's recording when the node starts again ({@link #abandoned}).
 */
public final class CallRecording implements AutoCloseable {

    /** The calls' own rate: a recording is kept as G.711 carried it. */
    static final int SAMPLE_RATE = Codec.CLOCK_RATE;
    /** How far a packet may come after its place before the gap is heard as silence: jitter, not a pause. */
    private static final long JITTER_SAMPLES = SAMPLE_RATE * 60 / 1000;
    private static final int WAV_HEADER = 44;
    private static final String SAID = "said-";
    private static final String HEARD = "heard-";
    private static final String SIDE = ".pcm";
    private static final Base64.Encoder NAMES = Base64.getUrlEncoder().withoutPadding();

    private final long startNanos;
    private final Consumer<CallRecording> whenOver;
    private final AtomicBoolean over = new AtomicBoolean();
    private final Side said;
    private final Side heard;
    private volatile boolean finished;
    private volatile boolean paused;
    /** Where the leg recorded closed, in samples from the start. */
    private volatile long endSample;

    /**
     * A recording of the call {@code callId} that begins at {@code startNanos} ({@link System#nanoTime()}), its two
     * sides in {@code directory}; {@code whenOver} gets it once the leg it records has closed, on a thread of its own.
     */
    public CallRecording(Path directory, String callId, long startNanos, Consumer<CallRecording> whenOver) {
        this.startNanos = startNanos;
        this.whenOver = Objects.requireNonNull(whenOver, "whenOver");
        // Base64url has no '.', so the call and the nonce part again where the name's last '.' before ".pcm" is.
        String stem = NAMES.encodeToString(callId.getBytes(StandardCharsets.UTF_8)) + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
        try {
            Files.createDirectories(directory);
            this.said = new Side(Files.createFile(directory.resolve(SAID + stem + SIDE)));
            this.heard = new Side(Files.createFile(directory.resolve(HEARD + stem + SIDE)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not open a call recording in " + directory, e);
        }
    }

    /** What the far end said: {@code count} samples of {@code samples}, received at {@code nowNanos}. */
    public void said(short[] samples, int count, long nowNanos) {
        said.put(samples, count, sampleAt(nowNanos));
    }

    /** What the far end heard: {@code count} samples of {@code samples}, sent at {@code nowNanos}. */
    public void heard(short[] samples, int count, long nowNanos) {
        heard.put(samples, count, sampleAt(nowNanos));
    }

    /** From now on what is said and heard is kept as silence ({@code true}), or as it is again ({@code false}). */
    public void pause(boolean paused) {
        this.paused = paused;
    }

    /** The leg recorded closed at {@code endedNanos}: the owner gets the recording, once. */
    void over(long endedNanos) {
        if (over.compareAndSet(false, true)) {
            endSample = sampleAt(endedNanos);
            Thread.ofVirtual().name("call-recording").start(() -> whenOver.accept(this));
        }
    }

    private long sampleAt(long nowNanos) {
        return Math.max(0, (nowNanos - startNanos) * SAMPLE_RATE / 1_000_000_000L);
    }

    /**
     * Writes the WAV to the file {@code into} and removes the two sides' files; what is said or heard afterwards is
     * dropped. It lasts from the start to where the leg closed, or to the longer side's end if that is later (a
     * recording finished before the leg closed).
     */
    public Duration finish(Path into) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(into), 1 << 16)) {
            return finish(out);
        }
    }

    /** Writes the WAV to {@code into}, as {@link #finish(Path)}. */
    public synchronized Duration finish(OutputStream into) throws IOException {
        finished = true;
        said.close();
        heard.close();
        try {
            long frames = Math.max(endSample, Math.max(said.written(), heard.written()));
            return writeWav(said.file(), heard.file(), frames, into);
        } finally {
            deleteFiles();
        }
    }

    /** The two sides' files interleaved into a WAV of {@code frames} frames; silence past a side's end. */
    private static Duration writeWav(Path saidFile, Path heardFile, long frames, OutputStream into) throws IOException {
        try (InputStream left = new BufferedInputStream(Files.newInputStream(saidFile));
             InputStream right = new BufferedInputStream(Files.newInputStream(heardFile))) {
            into.write(wavHeader(frames));
            byte[] frame = new byte[4];
            for (long i = 0; i < frames; i++) {
                readSample(left, frame, 0);
                readSample(right, frame, 2);
                into.write(frame);
            }
        }
        return Duration.ofMillis(frames * 1000 / SAMPLE_RATE);
    }

    /**
     * A recording a node left unfinished in its spool, killed mid-call: the call it is of, and its two sides as far as
     * they reached the disk (a side's last seconds may not have).
     */
    public record Abandoned(String callId, Path said, Path heard) {

        /** Writes the WAV of what the two sides hold to {@code into}, as long as the longer, and removes them. */
        public Duration finish(Path into) throws IOException {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(into), 1 << 16)) {
                return writeWav(said, heard, Math.max(Files.size(said), Files.size(heard)) / 2, out);
            } finally {
                Files.deleteIfExists(said);
                Files.deleteIfExists(heard);
            }
        }
    }

    /**
     * The recordings in {@code spool} whose two sides were both last written before {@code before}: a recording being
     * made writes its files every few seconds, so none of its is taken.
     */
    public static List<Abandoned> abandoned(Path spool, Instant before) throws IOException {
        List<Abandoned> found = new ArrayList<>();
        if (!Files.isDirectory(spool)) {
            return found;
        }
        try (Stream<Path> files = Files.list(spool)) {
            for (Path said : (Iterable<Path>) files::iterator) {
                String name = said.getFileName().toString();
                if (!name.startsWith(SAID) || !name.endsWith(SIDE)) {
                    continue;
                }
                String stem = name.substring(SAID.length(), name.length() - SIDE.length());
                Path heard = said.resolveSibling(HEARD + stem + SIDE);
                int nonce = stem.lastIndexOf('.');
                if (nonce > 0 && Files.isRegularFile(heard) && quietSince(said, before) && quietSince(heard, before)) {
                    try {
                        String callId = new String(Base64.getUrlDecoder().decode(stem.substring(0, nonce)),
                                StandardCharsets.UTF_8);
                        found.add(new Abandoned(callId, said, heard));
                    } catch (IllegalArgumentException notOurs) {
                        // a name that is not a call's: left to removeAbandoned
                    }
                }
            }
        }
        return found;
    }

    private static boolean quietSince(Path file, Instant before) throws IOException {
        return Files.getLastModifiedTime(file).toInstant().isBefore(before);
    }

    /** Drops the recording: nothing is written, the two sides' files are removed. */
    @Override
    public synchronized void close() {
        if (!finished) {
            finished = true;
            said.close();
            heard.close();
            deleteFiles();
        }
    }

    private void deleteFiles() {
        try {
            Files.deleteIfExists(said.file());
            Files.deleteIfExists(heard.file());
        } catch (IOException ignored) {
            // a file left behind is removed by the next start's clean-up (removeAbandoned), not worth failing a call
        }
    }

    /**
     * Removes from {@code spool} what recordings left there unfinished (a node that died mid-call) and not written to
     * since {@code before}: a recording being made writes its files every few seconds, so none of its is taken.
     */
    public static void removeAbandoned(Path spool, Instant before) throws IOException {
        if (!Files.isDirectory(spool)) {
            return;
        }
        try (Stream<Path> files = Files.list(spool)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                boolean ours = name.startsWith("said-") || name.startsWith("heard-") || name.startsWith("call-");
                if (ours && Files.isRegularFile(file) && Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** One sample of a side into {@code frame} at {@code at}; silence past the side's end. */
    private static void readSample(InputStream side, byte[] frame, int at) throws IOException {
        int low = side.read();
        int high = low < 0 ? -1 : side.read();
        frame[at] = (byte) Math.max(low, 0);
        frame[at + 1] = (byte) Math.max(high, 0);
    }

    static byte[] wavHeader(long frames) {
        long dataBytes = frames * 4;
        if (dataBytes > 0xFFFF_FFFFL - WAV_HEADER) {
            throw new IllegalArgumentException("a recording of " + frames + " frames does not fit a WAV file");
        }
        ByteBuffer header = ByteBuffer.allocate(WAV_HEADER).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (dataBytes + WAV_HEADER - 8));
        header.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
        header.putShort((short) 1).putShort((short) 2).putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * 4)
                .putShort((short) 4).putShort((short) 16);
        header.put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) dataBytes);
        return header.array();
    }

    /** One side's samples, 16-bit little-endian, in a file; {@code written} is where the next one goes. */
    private final class Side {
        private final Path file;
        private final OutputStream out;
        private long written;
        private boolean failed;

        Side(Path file) throws IOException {
            this.file = file;
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        }

        Path file() {
            return file;
        }

        synchronized long written() {
            return written;
        }

        synchronized void put(short[] samples, int count, long at) {
            if (finished || failed) {
                return;
            }
            try {
                // A packet far after the last one's end follows a stretch nothing came in: silence, in its place.
                if (at - written > JITTER_SAMPLES) {
                    for (; written < at; written++) {
                        out.write(0);
                        out.write(0);
                    }
                }
                boolean silent = paused;
                for (int i = 0; i < count; i++) {
                    short sample = silent ? 0 : samples[i];
                    out.write(sample);
                    out.write(sample >> 8);
                }
                written += count;
            } catch (IOException e) {
                // a full disk ends the recording of this side, never the call
                failed = true;
            }
        }

        synchronized void close() {
            try {
                out.close();
            } catch (IOException e) {
                failed = true;
            }
        }
    }
}
