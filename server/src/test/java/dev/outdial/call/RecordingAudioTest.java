package dev.outdial.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outdial.shared.RecordingAudio;
import dev.outdial.testing.Api;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import dev.outdial.testing.TestRecordings;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A recording is sent a part at a time, and a player may ask for any byte range of it (seeking): each answer holds the
 * bytes asked for, across the parts it is read in.
 */
@OutdialIntegrationTest
class RecordingAudioTest {

    /** More than two parts, the last one short. */
    private static final int SIZE = 2 * RecordingAudio.PART + 1_001;

    @Autowired
    Api api;
    @Autowired
    JdbcClient db;
    @Autowired
    CallRecordings recordings;

    private TestBusiness business;
    private long campaign;
    private String callId;
    private String path;
    private byte[] wav;

    @BeforeEach
    void recordACall() {
        business = api.newBusiness("recording-audio");
        campaign = new CampaignFixtures(business).create("Recorded", "MANUAL");
        callId = TestRecordings.answeredCall(db, business.id(), campaign, OffsetDateTime.parse("2026-03-02T09:00:00Z"));
        wav = new byte[SIZE];
        new Random(7).nextBytes(wav);
        TestRecordings.keep(recordings, callId, wav, Duration.ofSeconds(16));
        path = "/api/v1/calls/" + callId + "/recording";
    }

    @Test
    void theWholeRecordingIsSentWithItsLengthAndRangesOffered() {
        Api.Download whole = business.admin().download(path);

        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(wav);
        assertThat(whole.header("Content-Length")).isEqualTo(String.valueOf(SIZE));
        assertThat(whole.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(whole.contentType()).isEqualTo("audio/wav");
    }

    @Test
    void aRangeIsSentAloneThoughItSpansTwoParts() {
        int first = RecordingAudio.PART - 100;
        int last = RecordingAudio.PART + 399;

        Api.Download range = business.admin().withHeader("Range", "bytes=" + first + "-" + last).download(path);

        assertThat(range.status()).isEqualTo(206);
        assertThat(range.header("Content-Range")).isEqualTo("bytes " + first + "-" + last + "/" + SIZE);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(wav, first, last + 1));
    }

    @Test
    void theEndOfTheRecordingIsSentForASuffixRange() {
        Api.Download end = business.admin().withHeader("Range", "bytes=-1500").download(path);

        assertThat(end.status()).isEqualTo(206);
        assertThat(end.body()).isEqualTo(Arrays.copyOfRange(wav, SIZE - 1500, SIZE));
    }

    @Test
    void aRangePastTheEndIsRefusedAndAnotherBusinessFindsNothing() {
        assertThat(business.admin().withHeader("Range", "bytes=" + SIZE + "-").download(path).status()).isEqualTo(416);
        assertThat(api.newBusiness("recording-audio-other").admin().withHeader("Range", "bytes=0-10").download(path)
                .status()).isEqualTo(404);
    }

    @Test
    void aRecordingTheSipAdapterWroteIsKeptInMulawAtHalfItsSizeAndSentAsItWasWholeOrInRanges() {
        String recorded = TestRecordings.answeredCall(db, business.id(), campaign,
                OffsetDateTime.parse("2026-03-02T10:00:00Z"));
        byte[] written = TestRecordings.phoneWav(RecordingAudio.PART / 2 + 777, 11); // over two parts as sent
        TestRecordings.keep(recordings, recorded, written, Duration.ofSeconds(17));
        String recording = "/api/v1/calls/" + recorded + "/recording";

        assertThat(db.sql("select octet_length(content) from call_recording where call_id = :call")
                .param("call", recorded).query(Long.class).single()).isEqualTo(44 + (written.length - 44) / 2);
        Api.Download whole = business.admin().download(recording);
        assertThat(whole.body()).isEqualTo(written);
        assertThat(whole.header("Content-Length")).isEqualTo(String.valueOf(written.length));
        int[][] ranges = {{0, 10}, {30, 60}, {RecordingAudio.PART - 101, RecordingAudio.PART + 398},
            {RecordingAudio.PART + 45, RecordingAudio.PART + 45}, {written.length - 3, written.length - 1}};
        for (int[] range : ranges) {
            Api.Download part = business.admin().withHeader("Range", "bytes=" + range[0] + "-" + range[1])
                    .download(recording);
            assertThat(part.status()).isEqualTo(206);
            assertThat(part.body()).as("bytes %d-%d", range[0], range[1])
                    .isEqualTo(Arrays.copyOfRange(written, range[0], range[1] + 1));
        }
        assertThat(business.admin().get("/api/v1/campaigns/" + campaign + "/recordings").expect(200).json()
                .valueStream().filter(listed -> listed.get("callId").asString().equals(recorded)).findFirst()
                .orElseThrow().get("sizeBytes").asLong()).as("the size sent").isEqualTo(written.length);
    }

    @Test
    void aRecordingDeletedWhileItIsReadEndsTheReadWithAnError() throws IOException {
        RecordingAudio audio = recordings.audio(business.id(), callId);
        try (InputStream read = audio.getInputStream()) {
            assertThat(read.readNBytes(10)).isEqualTo(Arrays.copyOf(wav, 10));
            recordings.delete(business.id(), 0, callId);

            assertThat(read.skip(RecordingAudio.PART)).isEqualTo(RecordingAudio.PART);
            assertThatThrownBy(read::read).isInstanceOf(IOException.class).hasMessageContaining("deleted");
        }
    }
}
