package dev.outdial.sip.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.net.Inet6Address;
import java.time.Duration;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens media legs on ports of the configured RTP range and moves their packets with two threads
 * for all legs: one receives (a selector over non-blocking channels) and relays each bridged packet
 * the moment it arrives; one paces prompts and silence, a packet per leg every 20 ms, and each leg's
 * RTCP reports (on the port after its RTP's) every few seconds. Callbacks
 * (keys, prompts over) run on virtual threads, in order per leg.
 *
 * <p>Why a selector rather than a virtual thread per leg blocked in {@code receive}: a virtual
 * thread's wake-up goes through the JDK's poller and a scheduler hand-off for every packet (50 a
 * second per leg), where the selector thread reads each ready socket in a loop; and relaying on the
 * thread that received adds no queue between the two legs. Measured (bench/sip-load.sh): 800
 * two-way bridged legs cost this thread and the pacer under a quarter of a core; the virtual-thread
 * design was not built to compare.
 */
public final class MediaEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MediaEngine.class);
    private static final long PACKET_MILLIS = 20;
    private static final int MAX_DATAGRAM = 2048;
    /** Datagrams read from one socket before the next ready socket gets its turn. */
    private static final int READS_PER_TURN = 16;
    /** RTCP's interval between a leg's reports, where not given (RFC 3550 §6.2's recommended minimum). */
    public static final Duration REPORT_INTERVAL = Duration.ofSeconds(5);

    private final InetAddress bind;
    private final RtpPorts ports;
    private final Set<RtpLeg> legs = ConcurrentHashMap.newKeySet();
    private final Queue<RtpLeg> toRegister = new ConcurrentLinkedQueue<>();
    private final Object bridges = new Object();
    private final Selector selector;
    private final Thread receiver;
    private final ScheduledExecutorService pacer;
    private final ExecutorService callbacks = Executors.newVirtualThreadPerTaskExecutor();
    private final NtpClock clock = NtpClock.system();
    private final long reportIntervalNanos;
    private volatile boolean closed;

    /** Media on {@code bind}'s ports {@code portFirst}-{@code portLast}, RTCP reported every 5 seconds. */
    public MediaEngine(InetAddress bind, int portFirst, int portLast) {
        this(bind, portFirst, portLast, REPORT_INTERVAL);
    }

    /**
     * Media on {@code bind}'s ports {@code portFirst}-{@code portLast} (an even one and the odd one after it a leg:
     * RTP and RTCP), each leg's RTCP reports about {@code reportInterval} apart. Starts its two threads at once;
     * {@link #close()} stops them.
     */
    public MediaEngine(InetAddress bind, int portFirst, int portLast, Duration reportInterval) {
        this.bind = Objects.requireNonNull(bind, "bind");
        if (reportInterval.isNegative() || reportInterval.isZero()) {
            throw new IllegalArgumentException("the RTCP report interval " + reportInterval + " must be positive");
        }
        this.reportIntervalNanos = reportInterval.toNanos();
        this.ports = new RtpPorts(portFirst, portLast);
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("could not open a selector for RTP", e);
        }
        this.receiver = Thread.ofPlatform().name("rtp-receive").daemon().unstarted(this::receiveLoop);
        this.receiver.setPriority(Thread.MAX_PRIORITY);
        this.pacer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("rtp-pacer").daemon().priority(Thread.MAX_PRIORITY).factory());
        receiver.start();
        pacer.scheduleAtFixedRate(this::tick, PACKET_MILLIS, PACKET_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** A new leg on a free port of the range; an {@link IOException} names the range when none is free. */
    public MediaLeg open() throws IOException {
        if (closed) {
            throw new IllegalStateException("the media engine is closed");
        }
        DatagramChannel[] opened = new DatagramChannel[2];
        int port = ports.allocate(candidate -> {
            opened[0] = bound(candidate);
            opened[1] = opened[0] == null ? null : bound(candidate + 1);
            if (opened[1] == null && opened[0] != null) {
                opened[0].close(); // RTCP's port is taken by another program: the pair is
            }
            return opened[1] != null;
        });
        long now = System.nanoTime();
        RtpLeg leg = new RtpLeg(this, opened[0], opened[1], port, new RtcpSession(clock, reportIntervalNanos, now),
                new SerialCallbacks(callbacks));
        legs.add(leg);
        toRegister.add(leg);
        selector.wakeup();
        return leg;
    }

    /** A non-blocking channel on {@code port}; null where another program has it. */
    private DatagramChannel bound(int port) throws IOException {
        DatagramChannel channel = DatagramChannel.open(
                bind instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            channel.bind(new InetSocketAddress(bind, port));
            channel.configureBlocking(false);
            return channel;
        } catch (BindException taken) {
            channel.close();
            return null;
        }
    }

    /** How many legs are open. */
    public int openLegs() {
        return legs.size();
    }

    /** Closes every leg and stops the engine's threads. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (RtpLeg leg : legs) {
            leg.close();
        }
        pacer.shutdownNow();
        selector.wakeup();
        try {
            receiver.join(TimeUnit.SECONDS.toMillis(2));
            selector.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.debug("closing the RTP selector", e);
        }
        callbacks.shutdown();
    }

    RtpLeg own(MediaLeg leg) {
        if (leg instanceof RtpLeg rtp && legs.contains(rtp)) {
            return rtp;
        }
        throw new IllegalArgumentException("the leg to bridge to is not an open leg of this media engine");
    }

    void bridge(RtpLeg one, RtpLeg other) {
        synchronized (bridges) {
            if (one.isClosed() || other.isClosed()) {
                throw new IllegalStateException("a closed leg cannot be bridged");
            }
            unbridgeLocked(one);
            unbridgeLocked(other);
            one.stopPlaying();
            other.stopPlaying();
            one.peer(other);
            other.peer(one);
        }
    }

    void unbridge(RtpLeg leg) {
        synchronized (bridges) {
            unbridgeLocked(leg);
        }
    }

    private static void unbridgeLocked(RtpLeg leg) {
        RtpLeg peer = leg.peer();
        if (peer != null) {
            peer.peer(null);
            leg.peer(null);
        }
    }

    void closed(RtpLeg leg) {
        legs.remove(leg);
        leg.closeChannel();
        // a channel registered with a selector keeps its socket until the selector's next round
        selector.wakeup();
        ports.release(leg.localPort());
    }

    private void tick() {
        long now = System.nanoTime();
        for (RtpLeg leg : legs) {
            try {
                leg.tick(now);
            } catch (RuntimeException e) {
                log.warn("Pacing the RTP of port {} failed", leg.localPort(), e);
            }
        }
    }

    private void receiveLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
        while (!closed) {
            try {
                selector.select();
                registerNewLegs();
                for (SelectionKey key : selector.selectedKeys()) {
                    drain(key, buffer);
                }
                selector.selectedKeys().clear();
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    log.warn("Receiving RTP failed", e);
                }
            }
        }
    }

    private void registerNewLegs() {
        RtpLeg leg;
        while ((leg = toRegister.poll()) != null) {
            try {
                leg.channel().register(selector, SelectionKey.OP_READ, (Receiver) leg::receive);
                leg.control().register(selector, SelectionKey.OP_READ, (Receiver) leg::receiveControl);
            } catch (ClosedChannelException closedMeanwhile) {
                // the leg was closed before it received anything
            }
        }
    }

    /** What a channel's datagrams go to: a leg's RTP or its RTCP. */
    private interface Receiver {
        void receive(byte[] data, int length, InetSocketAddress source, long nowNanos);
    }

    private static void drain(SelectionKey key, ByteBuffer buffer) {
        Receiver receiver = (Receiver) key.attachment();
        if (!key.isValid()) {
            return;
        }
        try {
            DatagramChannel channel = (DatagramChannel) key.channel();
            for (int read = 0; read < READS_PER_TURN; read++) {
                buffer.clear();
                SocketAddress source = channel.receive(buffer);
                if (source == null) {
                    return;
                }
                receiver.receive(buffer.array(), buffer.position(), (InetSocketAddress) source, System.nanoTime());
            }
        } catch (IOException e) {
            // a closed leg or an ICMP error reported on the socket: the next datagram is read as usual
        }
    }
}
