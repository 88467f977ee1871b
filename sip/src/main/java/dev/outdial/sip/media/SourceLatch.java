package dev.outdial.sip.media;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Which packets are the far end's, and where it is (symmetric RTP, RFC 4961): a phone behind NAT sends from the
 * address its router gives it, not the one its SDP named. Packets from the host the SDP named are the far end's at
 * once, from whatever port, and for good: the SDP came over the call's own signalling. Packets from another host are
 * taken only after {@link #PROBATION} of them in sequence while none came from the named host (a carrier whose media
 * comes from a server its SDP did not name), and the named host takes the stream back whenever it sends. So a stranger
 * spraying packets at the platform's ports as a call starts never takes the call's audio ("RTP bleed"). One per
 * connection of a leg; used by the receiving thread alone.
 */
final class SourceLatch {

    /** Packets in sequence from another host than the named one before it is taken for the far end. */
    static final int PROBATION = 4;

    private final InetAddress namedHost;
    private InetSocketAddress latched;
    private boolean toNamedHost;
    private InetSocketAddress candidate;
    private int inSequence;
    private int nextSequence;

    SourceLatch(InetSocketAddress named) {
        this.namedHost = named.getAddress();
    }

    /** Where the far end is, if the packet numbered {@code sequence} from {@code source} is its; else null. */
    InetSocketAddress accept(InetSocketAddress source, int sequence) {
        if (toNamedHost) {
            return source.equals(latched) ? latched : null;
        }
        if (source.getAddress().equals(namedHost)) {
            toNamedHost = true;
            latched = source;
            return latched;
        }
        if (latched != null) {
            return source.equals(latched) ? latched : null;
        }
        inSequence = source.equals(candidate) && sequence == nextSequence ? inSequence + 1 : 1;
        candidate = source;
        nextSequence = (sequence + 1) & 0xFFFF;
        if (inSequence < PROBATION) {
            return null;
        }
        latched = source;
        return latched;
    }
}
