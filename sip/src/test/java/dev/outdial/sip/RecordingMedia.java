package dev.outdial.sip;

import dev.outdial.sip.media.LoopbackMedia;
import dev.outdial.sip.media.MediaEngine;
import dev.outdial.sip.media.MediaLeg;
import dev.outdial.sip.signal.MediaPorts;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The real media engine on 127.0.0.1, keeping the legs it opens so a test can read their RTP counters. */
final class RecordingMedia implements MediaPorts {

    private final MediaEngine engine;
    final List<MediaLeg> legs = new CopyOnWriteArrayList<>();

    RecordingMedia() {
        engine = LoopbackMedia.engine(200);
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
