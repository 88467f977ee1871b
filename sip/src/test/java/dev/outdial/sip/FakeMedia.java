package dev.outdial.sip;

import dev.outdial.sip.media.Answerer;
import dev.outdial.sip.media.AudioClip;
import dev.outdial.sip.media.CallRecording;
import dev.outdial.sip.media.Codec;
import dev.outdial.sip.ListeningMode;
import dev.outdial.sip.media.MediaLeg;
import dev.outdial.sip.media.MediaStats;
import dev.outdial.sip.media.SrtpKeys;
import dev.outdial.sip.signal.MediaPorts;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Media legs that move no audio but note what signalling asked of them, for tests of signalling alone. */
final class FakeMedia implements MediaPorts {

    private final AtomicInteger nextPort = new AtomicInteger(40000);
    final List<Leg> legs = new CopyOnWriteArrayList<>();

    @Override
    public MediaLeg open() {
        Leg leg = new Leg(nextPort.getAndAdd(2));
        legs.add(leg);
        return leg;
    }

    @Override
    public void close() {
    }

    static final class Leg implements MediaLeg {
        private final int port;
        final List<InetSocketAddress> connects = new CopyOnWriteArrayList<>();
        final List<Codec> codecs = new CopyOnWriteArrayList<>();
        final List<Optional<InetSocketAddress>> controls = new CopyOnWriteArrayList<>();
        /** The keys of each time signalling set the leg's SRTP (or plain RTP: empty). */
        final List<Optional<SrtpKeys>> encryptions = new CopyOnWriteArrayList<>();
        final List<MediaLeg> bridges = new CopyOnWriteArrayList<>();
        /** Each leg this one was asked to hear ring. */
        final List<MediaLeg> heardRinging = new CopyOnWriteArrayList<>();
        /** Each tone whoever heard this leg ring was to hear as it failed. */
        final List<AudioClip> ringingEndedWith = new CopyOnWriteArrayList<>();
        volatile boolean closed;
        volatile Consumer<Character> keys;
        volatile Consumer<Answerer> listening;
        volatile Runnable greetingOver;
        volatile CallRecording recording;
        /** Each time signalling said whether the far end holds. */
        final List<Boolean> holding = new CopyOnWriteArrayList<>();

        Leg(int port) {
            this.port = port;
        }

        @Override
        public int localPort() {
            return port;
        }

        @Override
        public void encrypt(Optional<SrtpKeys> keys) {
            encryptions.add(keys);
        }

        @Override
        public void connect(InetSocketAddress remote, Codec codec, int telephoneEventPayloadType) {
            connects.add(remote);
            codecs.add(codec);
        }

        @Override
        public void reportTo(Optional<InetSocketAddress> control) {
            controls.add(control);
        }

        @Override
        public void play(AudioClip clip, boolean loop, Runnable whenOver) {
            whenOver.run();
        }

        @Override
        public void stopPlaying() {
        }

        @Override
        public void onKey(Consumer<Character> keys) {
            this.keys = keys;
        }

        @Override
        public void keySignalled(char key) {
            Consumer<Character> listening = keys;
            if (listening != null) {
                listening.accept(key);
            }
        }

        @Override
        public void listenForMachine(Consumer<Answerer> whoAnswered) {
            listening = whoAnswered;
        }

        @Override
        public void listenForNetworkTones(Consumer<Answerer> announced) {
            listening = announced;
        }

        @Override
        public void listenForNothing() {
            listening = null;
        }

        @Override
        public void afterGreeting(Runnable whenOver) {
            greetingOver = whenOver;
        }

        @Override
        public void record(CallRecording recording) {
            this.recording = recording;
        }

        @Override
        public void farEndHolds(boolean holds) {
            holding.add(holds);
            Consumer<Boolean> told = holdsTold;
            if (told != null) {
                told.accept(holds);
            }
        }

        private volatile Consumer<Boolean> holdsTold;

        @Override
        public void onFarEndHolds(Consumer<Boolean> told) {
            holdsTold = told;
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
            heardRinging.add(ringing);
        }

        @Override
        public void ringingEndsWith(AudioClip tone) {
            ringingEndedWith.add(tone);
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
            bridges.add(other);
        }

        @Override
        public void unbridge() {
            bridges.clear();
        }

        @Override
        public MediaStats stats() {
            return new MediaStats(0, 0, 0, Optional.empty(), Optional.empty(), Optional.empty());
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
