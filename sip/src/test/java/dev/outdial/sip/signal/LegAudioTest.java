package dev.outdial.sip.signal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.sip.media.Answerer;
import dev.outdial.sip.media.AudioClip;
import dev.outdial.sip.media.CallRecording;
import dev.outdial.sip.media.Codec;
import dev.outdial.sip.ListeningMode;
import dev.outdial.sip.media.MediaLeg;
import dev.outdial.sip.media.MediaStats;
import dev.outdial.sip.media.SrtpKeys;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LegAudioTest {

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final KeyPad media = new KeyPad();
    private final BlockingQueue<String> collected = new LinkedBlockingQueue<>();
    private final CountDownLatch hungUp = new CountDownLatch(1);
    private final LegAudio audio = new LegAudio(media, new PromptLibrary(uri -> Optional.empty(), timers), timers,
            collected::add, hungUp::countDown);

    @AfterEach
    void stop() {
        timers.shutdownNow();
    }

    private String next() throws InterruptedException {
        String digits = collected.poll(10, TimeUnit.SECONDS);
        assertThat(digits).as("digits collected").isNotNull();
        return digits;
    }

    @Test
    void collectsUpToTheMaximum() throws Exception {
        audio.collectDigits(2, Duration.ofMinutes(1));

        media.press("123");

        assertThat(next()).isEqualTo("12");
        assertThat(media.keys).as("keys are no longer listened to").isNull();
    }

    @Test
    void hashEndsALongerCollectionEarly() throws Exception {
        audio.collectDigits(4, Duration.ofMinutes(1));

        media.press("42#");

        assertThat(next()).isEqualTo("42");
    }

    @Test
    void hashIsAKeyOfItsOwnWhenOneKeyIsAskedFor() throws Exception {
        audio.collectDigits(1, Duration.ofMinutes(1));

        media.press("#");

        assertThat(next()).isEqualTo("#");
    }

    @Test
    void aTimeoutReportsWhatWasKeyedOrNothing() throws Exception {
        audio.collectDigits(3, Duration.ofMillis(50));
        media.press("7");
        assertThat(next()).isEqualTo("7");

        audio.collectDigits(3, Duration.ofMillis(50));
        assertThat(next()).isEmpty();
    }

    @Test
    void withNothingQueuedHangingUpAfterThePromptsIsAtOnce() throws Exception {
        audio.hangUpAfterPrompts();

        assertThat(hungUp.await(10, TimeUnit.SECONDS)).isTrue();
    }

    /** A media leg whose far end presses keys when the test says. */
    private static final class KeyPad implements MediaLeg {
        private volatile Consumer<Character> keys;

        void press(String pressed) {
            for (char key : pressed.toCharArray()) {
                keySignalled(key);
            }
        }

        @Override
        public void keySignalled(char key) {
            Consumer<Character> listening = keys;
            if (listening != null) {
                listening.accept(key);
            }
        }

        @Override
        public int localPort() {
            return 40000;
        }

        @Override
        public void connect(InetSocketAddress remote, Codec codec, int telephoneEventPayloadType) {
        }

        @Override
        public void reportTo(Optional<InetSocketAddress> control) {
        }

        @Override
        public void encrypt(Optional<SrtpKeys> keys) {
        }

        @Override
        public void play(AudioClip clip, boolean loop, Runnable whenOver) {
        }

        @Override
        public void stopPlaying() {
        }

        @Override
        public void onKey(Consumer<Character> keys) {
            this.keys = keys;
        }

        @Override
        public void listenForMachine(Consumer<Answerer> whoAnswered) {
        }

        @Override
        public void listenForNetworkTones(Consumer<Answerer> announced) {
        }

        @Override
        public void listenForNothing() {
        }

        @Override
        public void afterGreeting(Runnable whenOver) {
        }

        @Override
        public void record(CallRecording recording) {
        }

        @Override
        public void farEndHolds(boolean holds) {
        }

        @Override
        public void onFarEndHolds(Consumer<Boolean> told) {
        }

        @Override
        public void holdMusic(AudioClip music) {
        }

        @Override
        public void hold(boolean onHold) {
        }

        @Override
        public void pauseRecording(boolean paused) {
        }

        @Override
        public void listenTo(MediaLeg monitored, Runnable whenOver) {
        }

        @Override
        public void hearRinging(MediaLeg ringing, AudioClip ringBack) {
        }

        @Override
        public void ringingEndsWith(AudioClip tone) {
        }

        @Override
        public boolean farEndSilentLongerThan(Duration limit) {
            return false;
        }

        @Override
        public boolean speakInto(MediaLeg monitored, ListeningMode mode) {
            return false;
        }

        @Override
        public void bridge(MediaLeg other) {
        }

        @Override
        public void unbridge() {
        }

        @Override
        public MediaStats stats() {
            return new MediaStats(0, 0, 0, Optional.empty(), Optional.empty(), Optional.empty());
        }

        @Override
        public void close() {
        }
    }
}
