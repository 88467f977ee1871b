package dev.outdial.sip.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeardAudioTest {

    private static final long MS = 1_000_000L;

    /** A hearing that notes what it is given and never tells anything. */
    private final List<String> given = new ArrayList<>();
    private final Hearing<String> notes = new Hearing<>() {
        @Override
        public Optional<String> heard(short[] samples, int count) {
            given.add("audio " + count / 8);
            return Optional.empty();
        }

        @Override
        public Optional<String> silence(int ms) {
            given.add("silence " + ms);
            return Optional.empty();
        }
    };
    private final HeardAudio<String> audio = new HeardAudio<>(notes, 0);
    private final short[] packet = new short[160];

    private void packet(int timestamp, long atMs) {
        audio.audio(timestamp, packet, packet.length, atMs * MS);
    }

    @Test
    void packetsInTurnAreHeardAsTheyComeAndAGapInTheirTimestampsAsSilence() {
        packet(0, 0);
        packet(160, 20);
        packet(160 + 160 + 800, 140); // 100 ms of timestamps missing: a silence the far end did not send

        assertThat(given).containsExactly("audio 20", "audio 20", "silence 100", "audio 20");
    }

    @Test
    void noPacketsForAWhileIsSilenceHeardAsItGoesAndNotAgainWhenPacketsComeBack() {
        packet(0, 0);
        audio.quiet(150 * MS);
        assertThat(given).as("jitter, not yet a silence").containsExactly("audio 20");

        audio.quiet(600 * MS);
        audio.quiet(900 * MS);
        packet(160 + 8 * 1000, 1020); // the timestamps say a second was not sent: 900 ms of it are heard already

        assertThat(given).containsExactly("audio 20", "silence 600", "silence 300", "silence 100", "audio 20");
    }

    @Test
    void aFarEndThatNeverSendsIsSilentFromTheStart() {
        audio.quiet(2_500 * MS);

        assertThat(given).containsExactly("silence 2500");
    }

    @Test
    void aLatePacketIsLeftOut() {
        packet(320, 0);
        packet(160, 5);

        assertThat(given).containsExactly("audio 20");
    }
}
