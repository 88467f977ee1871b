package dev.outdial.bench.sip;

import dev.outdial.sip.media.SrtpKey;
import dev.outdial.sip.media.SrtpStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The far ends of the legs under test: UDP sockets on loopback that send a 20 ms G.711 packet
 * each every 20 ms (with the send time in the payload) and time what they receive: the transit of
 * each packet that carries a send time, and how far the gap between packets of each stream is
 * from 20 ms (jitter).
 */
final class FarEnds implements AutoCloseable {

    private static final int PAYLOAD = 160;
    /** Room after a packet for its SRTP tag. */
    private static final int TAG_ROOM = 16;

    private final List<DatagramChannel> sockets = new ArrayList<>();
    private final List<InetSocketAddress> targets = new ArrayList<>();
    private final long[] lastArrival;
    private final Selector selector;
    private final Thread receiver;
    private final ScheduledExecutorService sender;
    private final Histogram transit = new Histogram();
    private final Histogram gaps = new Histogram();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    /** With SRTP: what each far end sends with, and checks what it receives with (null: plain RTP). */
    private final SrtpStream[] encrypting;
    private final SrtpStream[] decrypting;
    private final AtomicLong refused = new AtomicLong();
    private volatile boolean recording;
    private volatile boolean closed;

    FarEnds(int count) throws IOException {
        selector = Selector.open();
        lastArrival = new long[count];
        encrypting = new SrtpStream[count];
        decrypting = new SrtpStream[count];
        for (int i = 0; i < count; i++) {
            DatagramChannel socket = DatagramChannel.open();
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            socket.configureBlocking(false);
            socket.register(selector, SelectionKey.OP_READ, i);
            sockets.add(socket);
            targets.add(null);
        }
        receiver = Thread.ofPlatform().name("far-ends-receive").daemon().start(this::receive);
        sender = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("far-ends-send").daemon().factory());
    }

    InetSocketAddress address(int i) throws IOException {
        return (InetSocketAddress) sockets.get(i).getLocalAddress();
    }

    /** Where far end {@code i} sends (null: it only listens). */
    void target(int i, InetSocketAddress target) {
        targets.set(i, target);
    }

    /** Far end {@code i} speaks SRTP: sends with {@code sending}, takes only what {@code receiving} authenticates. */
    void encrypt(int i, SrtpKey sending, SrtpKey receiving) {
        encrypting[i] = new SrtpStream(sending);
        decrypting[i] = new SrtpStream(receiving);
    }

    /** Packets received that were not SRTP of the key the far end expected (with SRTP only). */
    long refused() {
        return refused.get();
    }

    void startTalking() {
        sender.scheduleAtFixedRate(this::sendAll, 0, 20, TimeUnit.MILLISECONDS);
    }

    /** Records from now on, forgetting what was timed before (the warm-up). */
    void record() {
        transit.clear();
        gaps.clear();
        received.set(0);
        sent.set(0);
        recording = true;
    }

    Histogram transit() {
        return transit;
    }

    Histogram gaps() {
        return gaps;
    }

    long received() {
        return received.get();
    }

    long sent() {
        return sent.get();
    }

    private int sequence;

    private void sendAll() {
        ByteBuffer packet = ByteBuffer.allocate(12 + PAYLOAD + TAG_ROOM);
        sequence++;
        for (int i = 0; i < sockets.size(); i++) {
            InetSocketAddress target = targets.get(i);
            if (target == null) {
                continue;
            }
            packet.clear().limit(12 + PAYLOAD); // the room past it is for an SRTP tag
            packet.put((byte) 0x80).put((byte) 0).putShort((short) sequence).putInt(sequence * PAYLOAD).putInt(i);
            packet.putLong(System.nanoTime());
            while (packet.hasRemaining()) {
                packet.put((byte) 0x55);
            }
            packet.flip();
            if (encrypting[i] != null) {
                packet.limit(encrypting[i].protect(packet.array(), packet.limit()));
            }
            try {
                sockets.get(i).send(packet, target);
                if (recording) {
                    sent.incrementAndGet();
                }
            } catch (IOException e) {
                // a closed leg: nothing to measure
            }
        }
    }

    private void receive() {
        ByteBuffer buffer = ByteBuffer.allocate(2048);
        while (!closed) {
            try {
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    int index = (Integer) key.attachment();
                    DatagramChannel socket = (DatagramChannel) key.channel();
                    while (true) {
                        buffer.clear();
                        if (socket.receive(buffer) == null) {
                            break;
                        }
                        long now = System.nanoTime();
                        int type = buffer.position() > 1 ? buffer.get(1) & 0xFF : 0;
                        if (type >= 192 && type <= 223) {
                            continue; // RTCP (RFC 5761): a leg's report to its far end's port + 1, another far end's
                        }
                        if (decrypting[index] != null
                                && decrypting[index].unprotect(buffer.array(), buffer.position()) < 0) {
                            refused.incrementAndGet();
                            continue;
                        }
                        if (recording) {
                            received.incrementAndGet();
                            if (buffer.position() >= 12 + 8) {
                                long sentAt = buffer.getLong(12);
                                long age = now - sentAt;
                                // silence or a prompt from the engine carries no send time: only relayed packets do
                                if (age > 0 && age < 10_000_000_000L) {
                                    transit.add(age);
                                }
                            }
                            if (lastArrival[index] != 0) {
                                gaps.add(Math.abs(now - lastArrival[index] - 20_000_000L));
                            }
                        }
                        lastArrival[index] = now;
                    }
                }
                selector.selectedKeys().clear();
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    e.printStackTrace();
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        sender.shutdownNow();
        selector.wakeup();
        for (DatagramChannel socket : sockets) {
            socket.close();
        }
        selector.close();
    }
}
