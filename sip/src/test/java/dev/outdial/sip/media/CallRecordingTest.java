package dev.outdial.sip.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallRecordingTest {

    private static final long MS = 1_000_000;

    @TempDir
    Path spool;

    private static short[] packet(short value) {
        short[] samples = new short[160];
        Arrays.fill(samples, value);
        return samples;
    }

    /** One channel of the WAV's frames. */
    private static short[] channel(byte[] wav, int channel) {
        ByteBuffer data = ByteBuffer.wrap(wav, 44, wav.length - 44).order(ByteOrder.LITTLE_ENDIAN);
        short[] samples = new short[(wav.length - 44) / 4];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = data.getShort(44 + 4 * i + 2 * channel);
        }
        return samples;
    }

    private byte[] finished(CallRecording recording) throws IOException {
        ByteArrayOutputStream wav = new ByteArrayOutputStream();
        recording.finish(wav);
        return wav.toByteArray();
    }

    @Test
    void eachSideIsAChannelPlacedByWhenItsPacketsCame() throws IOException {
        CallRecording recording = new CallRecording(spool, "call-under-test", 0, ignored -> { });
        recording.said(packet((short) 1000), 160, 0);
        recording.said(packet((short) 1000), 160, 20 * MS);
        // nothing said for half a second: silence there, then the next packet in its place
        recording.said(packet((short) 2000), 160, 540 * MS);
        recording.heard(packet((short) -500), 160, 100 * MS);

        byte[] wav = finished(recording);

        short[] said = channel(wav, 0);
        short[] heard = channel(wav, 1);
        assertThat(said).hasSize(8 * 560);
        assertThat(said[0]).isEqualTo((short) 1000);
        assertThat(said[319]).isEqualTo((short) 1000);
        assertThat(said[320]).isZero();
        assertThat(said[8 * 540 - 1]).isZero();
        assertThat(said[8 * 540]).isEqualTo((short) 2000);
        assertThat(heard[8 * 100 - 1]).isZero();
        assertThat(heard[8 * 100]).isEqualTo((short) -500);
        assertThat(heard[8 * 120]).as("silence past a side's end").isZero();
    }

    @Test
    void aPacketALittleLateOrEarlyFollowsTheOneBeforeIt() throws IOException {
        CallRecording recording = new CallRecording(spool, "call-under-test", 0, ignored -> { });
        recording.said(packet((short) 1), 160, 0);
        recording.said(packet((short) 2), 160, 55 * MS); // 35 ms late: jitter, not a pause
        recording.said(packet((short) 3), 160, 50 * MS); // early

        short[] said = channel(finished(recording), 0);

        assertThat(said).hasSize(480);
        assertThat(said[159]).isEqualTo((short) 1);
        assertThat(said[160]).isEqualTo((short) 2);
        assertThat(said[320]).isEqualTo((short) 3);
    }

    @Test
    void whatIsSaidAndHeardWhilePausedIsSilenceInItsPlace() throws IOException {
        CallRecording recording = new CallRecording(spool, "call-under-test", 0, ignored -> { });
        recording.said(packet((short) 1), 160, 0);
        recording.pause(true);
        recording.said(packet((short) 2), 160, 20 * MS);
        recording.heard(packet((short) 3), 160, 20 * MS);
        recording.pause(false);
        recording.said(packet((short) 4), 160, 40 * MS);

        byte[] wav = finished(recording);

        short[] said = channel(wav, 0);
        assertThat(said).hasSize(480);
        assertThat(said[0]).isEqualTo((short) 1);
        assertThat(Arrays.copyOfRange(said, 160, 320)).containsOnly((short) 0);
        assertThat(said[320]).isEqualTo((short) 4);
        assertThat(channel(wav, 1)).containsOnly((short) 0);
    }

    @Test
    void theWavIsTwoChannelsOf8kHz16BitPcmAndItsLengthIsTheLongerSides() throws IOException {
        CallRecording recording = new CallRecording(spool, "call-under-test", 0, ignored -> { });
        for (int i = 0; i < 50; i++) {
            recording.heard(packet((short) 7), 160, i * 20 * MS);
        }
        ByteArrayOutputStream wav = new ByteArrayOutputStream();

        Duration length = recording.finish(wav);

        ByteBuffer header = ByteBuffer.wrap(wav.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(wav.toByteArray(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(header.getInt(4)).isEqualTo(wav.size() - 8);
        assertThat(header.getShort(20)).as("PCM").isEqualTo((short) 1);
        assertThat(header.getShort(22)).as("channels").isEqualTo((short) 2);
        assertThat(header.getInt(24)).as("sample rate").isEqualTo(8000);
        assertThat(header.getShort(34)).as("bits").isEqualTo((short) 16);
        assertThat(header.getInt(40)).isEqualTo(8000 * 4);
        assertThat(length).isEqualTo(Duration.ofSeconds(1));
        assertThat(channel(wav.toByteArray(), 0)).containsOnly((short) 0);
    }

    @Test
    void theSidesFilesAreRemovedWhenFinishedOrDropped() throws IOException {
        CallRecording finished = new CallRecording(spool, "call-under-test", 0, ignored -> { });
        finished.said(packet((short) 1), 160, 0);
        finished(finished);
        CallRecording dropped = new CallRecording(spool, "call-under-test", 0, ignored -> { });
        dropped.said(packet((short) 1), 160, 0);
        dropped.close();

        try (var left = Files.list(spool)) {
            assertThat(left).isEmpty();
        }
        dropped.said(packet((short) 1), 160, 20 * MS); // after the end: dropped, no error
    }

    @Test
    void aRecordingAKilledNodeLeftIsFoundWithItsCallAndFinishedAsFarAsItReachedTheDisk() throws IOException {
        CallRecording left = new CallRecording(spool, "sim-node/1:é", 0, ignored -> { });
        // five seconds a side: the first 64 KB of each (4,096 ms) reached the disk, the rest was still buffered
        for (int i = 0; i < 250; i++) {
            left.said(packet((short) 5), 160, i * 20 * MS);
            left.heard(packet((short) 7), 160, i * 20 * MS);
        }
        Instant now = Instant.now();

        assertThat(CallRecording.abandoned(spool, now.minus(Duration.ofMinutes(1))))
                .as("written a moment ago: still being made").isEmpty();
        List<CallRecording.Abandoned> found = CallRecording.abandoned(spool, now.plusSeconds(1));
        assertThat(found).singleElement().satisfies(abandoned ->
                assertThat(abandoned.callId()).isEqualTo("sim-node/1:é"));
        Path wav = spool.resolve("recovered.wav");
        Duration length = found.getFirst().finish(wav);

        assertThat(length).isEqualTo(Duration.ofMillis(4096));
        byte[] recovered = Files.readAllBytes(wav);
        assertThat(channel(recovered, 0)).hasSize(32768).containsOnly((short) 5);
        assertThat(channel(recovered, 1)).containsOnly((short) 7);
        try (var files = Files.list(spool)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("recovered.wav");
        }
        left.close();
    }

    @Test
    void whatADeadNodeLeftInTheSpoolIsRemovedButNotWhatIsBeingWrittenNorOtherFiles() throws IOException {
        Path abandoned = Files.createFile(spool.resolve("said-1.pcm"));
        Path abandonedWav = Files.createFile(spool.resolve("call-2.wav"));
        Path other = Files.createFile(spool.resolve("notes.txt"));
        Instant now = Instant.now();
        for (Path old : List.of(abandoned, abandonedWav, other)) {
            Files.setLastModifiedTime(old, FileTime.from(now.minus(Duration.ofDays(1))));
        }
        CallRecording live = new CallRecording(spool, "call-under-test", 0, ignored -> { });
        live.said(packet((short) 1), 160, 0);

        CallRecording.removeAbandoned(spool, now.minus(Duration.ofHours(6)));

        try (var left = Files.list(spool)) {
            assertThat(left.map(file -> file.getFileName().toString()))
                    .doesNotContain("said-1.pcm", "call-2.wav").contains("notes.txt").hasSize(3);
        }
        live.close();
    }

    @Test
    void aLegPausesAndResumesTheRecordingItMakes() throws IOException {
        try (MediaEngine engine = LoopbackMedia.engine(10)) {
            MediaLeg leg = engine.open();
            CallRecording recording = new CallRecording(spool, "call-under-test", 0, ignored -> { });
            leg.record(recording);

            leg.pauseRecording(true);
            recording.said(packet((short) 5), 160, 0);
            leg.pauseRecording(false);
            recording.said(packet((short) 6), 160, 20 * MS);

            short[] said = channel(finished(recording), 0);
            assertThat(said[0]).isZero();
            assertThat(said[160]).isEqualTo((short) 6);
        }
    }

    @Test
    void theRecordingLastsUntilTheLegClosedThoughNoPacketBroughtItsLastSilence() throws IOException {
        CallRecording recording = new CallRecording(spool, "call-under-test", 0, ignored -> { });
        recording.said(packet((short) 9), 160, 0);
        recording.heard(packet((short) 8), 160, 0);
        recording.over(3_000 * MS); // both sides suppressed their silence for the call's last three seconds

        ByteArrayOutputStream wav = new ByteArrayOutputStream();
        Duration length = recording.finish(wav);

        assertThat(length).isEqualTo(Duration.ofSeconds(3));
        short[] said = channel(wav.toByteArray(), 0);
        assertThat(said).hasSize(3 * 8000);
        assertThat(said[159]).isEqualTo((short) 9);
        assertThat(Arrays.copyOfRange(said, 160, said.length)).containsOnly((short) 0);
    }

    @Test
    void aLegSilentBothWaysAllAlongIsRecordedAsLongAsItLasted() throws Exception {
        try (MediaEngine engine = LoopbackMedia.engine(10)) {
            MediaLeg leg = engine.open();
            CompletableFuture<CallRecording> handed = new CompletableFuture<>();
            CallRecording recording = new CallRecording(spool, "call-under-test",
                    System.nanoTime() - Duration.ofSeconds(2).toNanos(), handed::complete);
            leg.record(recording);

            leg.close();

            assertThat(handed.get(15, TimeUnit.SECONDS)).isSameAs(recording);
            ByteArrayOutputStream wav = new ByteArrayOutputStream();
            assertThat(recording.finish(wav)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(channel(wav.toByteArray(), 0)).containsOnly((short) 0);
        }
    }

    @Test
    void aLegThatClosedBeforeItsRecordingStartedHandsItBackAtOnce() throws Exception {
        try (MediaEngine engine = LoopbackMedia.engine(10)) {
            MediaLeg leg = engine.open();
            leg.close();
            CompletableFuture<CallRecording> handed = new CompletableFuture<>();
            CallRecording recording = new CallRecording(spool, "call-under-test", System.nanoTime(), handed::complete);

            leg.record(recording);

            assertThat(handed.get(15, TimeUnit.SECONDS)).as("its owner removes its files").isSameAs(recording);
            assertThat(recording.finish(new ByteArrayOutputStream())).as("nothing to keep").isZero();
        }
    }

    @Test
    void theOwnerGetsTheRecordingOnceWhenTheLegIsOver() throws Exception {
        CompletableFuture<CallRecording> handed = new CompletableFuture<>();
        int[] times = new int[1];
        CallRecording recording = new CallRecording(spool, "call-under-test", 0, over -> {
            times[0]++;
            handed.complete(over);
        });

        recording.over(0);
        recording.over(0);

        assertThat(handed.get(15, TimeUnit.SECONDS)).isSameAs(recording);
        assertThat(times[0]).isEqualTo(1);
    }
}
