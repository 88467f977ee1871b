package dev.outdial.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Free ports on 127.0.0.1 for the adapter and SIPp, free for both UDP and TCP when asked for. A port is handed out
 * once: a test picks its ports before anything binds them, so a port free now but already promised to another of
 * its processes must not be handed out again.
 */
final class Ports {

    /** SIPp's {@code -mp} port and the three above it: audio RTP and RTCP, video RTP and RTCP, all bound. */
    private static final int MEDIA_PORTS = 4;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    static int free() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = freeNow();
            if (port > 0 && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port on 127.0.0.1");
    }

    /** A port for SIPp's {@code -mp}: it and the three above it are free, and none was handed out before. */
    static int media() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first = freeNow();
            if (first > 0 && first + MEDIA_PORTS - 1 <= 65535 && allFreeNow(first)) {
                boolean taken = false;
                for (int port = first; port < first + MEDIA_PORTS; port++) {
                    taken |= !HANDED_OUT.add(port);
                }
                if (!taken) {
                    return first;
                }
            }
        }
        throw new IllegalStateException("no four free ports in a row on 127.0.0.1");
    }

    private static boolean allFreeNow(int first) {
        for (int port = first; port < first + MEDIA_PORTS; port++) {
            if (HANDED_OUT.contains(port)) {
                return false;
            }
            try (DatagramSocket ignored = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                // free
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }

    /** A port free now for UDP and TCP, or 0 when the one the system gave is taken for TCP. */
    private static int freeNow() {
        try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            int port = udp.getLocalPort();
            try (ServerSocket tcp = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                return 0;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
