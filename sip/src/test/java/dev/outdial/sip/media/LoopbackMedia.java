package dev.outdial.sip.media;

import java.net.InetAddress;
import java.util.concurrent.ThreadLocalRandom;

/** Media engines for tests, each on 127.0.0.1 and a range of RTP ports of its own. */
public final class LoopbackMedia {

    /**
     * The ranges lie in 20000–32767, below Linux's ephemeral ports (32768–60999), which the system hands out for
     * port 0 and so to SIPp and to the SIP stacks a test starts: a range there could take a port one of them was
     * promised.
     */
    private static final int FIRST = 20000;
    private static final int BELOW_EPHEMERAL = 32768;

    private LoopbackMedia() {
    }

    /** An engine on {@code ports} ports (an even number) from a random even port, so two runs rarely meet. */
    public static MediaEngine engine(int ports) {
        int starts = (BELOW_EPHEMERAL - FIRST - ports) / 2;
        int first = FIRST + 2 * ThreadLocalRandom.current().nextInt(starts);
        return new MediaEngine(InetAddress.getLoopbackAddress(), first, first + ports - 1);
    }
}
