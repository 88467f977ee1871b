package dev.outdial.sip.media;

import java.io.IOException;
import java.net.InetAddress;

/** Opens media legs on ports of the configured RTP range. SKELETON: the media branch builds it. */
public final class MediaEngine implements AutoCloseable {

    public MediaEngine(InetAddress bind, int portFirst, int portLast) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** A new leg on a free port of the range; an {@link IOException} names the range when none is free. */
    public MediaLeg open() throws IOException {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public void close() {
    }
}
