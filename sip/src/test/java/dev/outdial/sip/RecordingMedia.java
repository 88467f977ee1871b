package dev.outdial.sip;

import dev.outdial.sip.media.MediaEngine;
import dev.outdial.sip.media.MediaLeg;
import dev.outdial.sip.signal.MediaPorts;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/** The real media engine on 127.0.0.1, keeping the legs it opens so a test can read their RTP counters. */
final class RecordingMedia implements MediaPorts {

    private final MediaEngine engine;
    final List<MediaLeg> legs = new CopyOnWriteArrayList<>();

    RecordingMedia() {
        // A range of its own per test run, away from the other tests' ports.
        int first = 20000 + 2 * ThreadLocalRandom.current().nextInt(10000);
        engine = new MediaEngine(InetAddress.getLoopbackAddress(), first, first + 199);
    }

    @Override
    public MediaLeg open() throws IOException {
        MediaLeg leg = engine.open();
        legs.add(leg);
        return leg;
    }

    @Override
    public void close() {
        engine.close();
    }
}
