package dev.outdial.sip.media;

import java.io.IOException;
import java.util.BitSet;

/**
 * The even ports of the RTP range, each with the odd one after it (RFC 3550 §11: RTP on an even port,
 * its RTCP on the next). Ports are handed out round the range rather than lowest first, so a
 * freed port rests a while before it is reused and late packets of the old call find no new leg.
 */
final class RtpPorts {

    /** Opens the port, or says it is taken by another program. */
    interface Binder {
        boolean tryBind(int port) throws IOException;
    }

    private final int first;
    private final int last;
    private final BitSet used = new BitSet();
    private int cursor;

    RtpPorts(int first, int last) {
        if (first < 1024 || last > 65535 || first > last) {
            throw new IllegalArgumentException("the RTP port range " + first + "-" + last + " must lie within 1024-65535");
        }
        this.first = first % 2 == 0 ? first : first + 1;
        this.last = last % 2 == 1 ? last - 1 : last - 2; // the last even port with its RTCP port in the range
        if (this.first > this.last) {
            throw new IllegalArgumentException("the RTP port range " + first + "-" + last
                    + " holds no even port with the odd one after it (RTP and its RTCP)");
        }
        this.cursor = this.first;
    }

    int capacity() {
        return (last - first) / 2 + 1;
    }

    synchronized int inUse() {
        return used.cardinality();
    }

    /** A free port that {@code binder} could open, trying each free port once from where the last left off. */
    synchronized int allocate(Binder binder) throws IOException {
        int port = cursor;
        for (int tried = 0; tried < capacity(); tried++) {
            if (!used.get(index(port)) && binder.tryBind(port)) {
                used.set(index(port));
                cursor = next(port);
                return port;
            }
            port = next(port);
        }
        throw new IOException("no free RTP port in " + first + "-" + (last + 1) + ": " + used.cardinality()
                + " of its " + capacity() + " pairs of ports carry calls here"
                + (used.cardinality() < capacity() ? ", the others are taken by other programs" : ""));
    }

    synchronized void release(int port) {
        used.clear(index(port));
    }

    private int index(int port) {
        return (port - first) / 2;
    }

    private int next(int port) {
        return port + 2 > last ? first : port + 2;
    }
}
