package dev.outdial.sip.signal;

import dev.outdial.sip.media.MediaLeg;
import java.io.IOException;

/**
 * Where signalling gets a leg's media: the {@link dev.outdial.sip.media.MediaEngine} live, a fake in
 * tests of signalling alone. One leg per call leg, opened before its SDP is written.
 */
public interface MediaPorts extends AutoCloseable {

    /** A new leg on a free RTP port; an IOException when none is free. */
    MediaLeg open() throws IOException;

    @Override
    void close();
}
