package dev.outdial.sip.media;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A far end on loopback: a UDP socket that records the RTP packets it receives and sends its own. */
final class TestPhone implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(5);

    private final DatagramChannel channel;
    private final BlockingQueue<Packet> received = new LinkedBlockingQueue<>();
    private final Thread reader;
    private int sequence = 1000;
    private int timestamp = 50_000;
    private final int ssrc = 0x12345678;
    /** With SRTP: what it sends with, and what it checks and decrypts what it receives with. */
    private volatile SrtpStream encrypting;
    private volatile SrtpStream decrypting;
    private final java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();

    record Packet(boolean marker, int payloadType, int sequence, int timestamp, int ssrc, byte[] payload) {
    }

    TestPhone() throws IOException {
        this(InetAddress.getLoopbackAddress());
    }

    /** A far end on {@code host}, one of loopback's (127.0.0.2: another host than the one an SDP named). */
    TestPhone(InetAddress host) throws IOException {
        channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress(host, 0));
        reader = Thread.ofVirtual().start(this::read);
    }

    InetSocketAddress address() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next packet received that matches, waiting at most {@link #PATIENCE}; packets before it are dropped. */
    Packet next(Predicate<Packet> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            Packet packet = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (packet == null) {
                throw new AssertionError("no such packet within " + PATIENCE);
            }
            if (wanted.test(packet)) {
                return packet;
            }
        }
    }

    /** The next {@code count} packets, in order. */
    List<Packet> next(int count) throws InterruptedException {
        List<Packet> packets = new ArrayList<>();
        while (packets.size() < count) {
            packets.add(next(packet -> true));
        }
        return packets;
    }

    void forget() {
        received.clear();
    }

    /** Whether any packet came and was not taken yet. */
    boolean receivedAny() {
        return !received.isEmpty();
    }

    /** Sends 20 ms of audio from this phone's stream (its own SSRC, sequence and timestamp). */
    void sendAudio(MediaLeg to, int payloadType, byte[] payload) throws IOException {
        send(to, false, payloadType, sequence++, timestamp, payload);
        timestamp += payload.length;
    }

    /** Sends an RFC 4733 event packet of the press starting at {@code pressTimestamp}. */
    void sendEvent(MediaLeg to, int payloadType, int event, boolean end, int pressTimestamp, int duration) throws IOException {
        byte[] payload = {(byte) event, (byte) ((end ? 0x80 : 0) | 10), (byte) (duration >> 8), (byte) duration};
        send(to, false, payloadType, sequence++, pressTimestamp, payload);
    }

    /** Sends SRTP with {@code key} from now on, or plain RTP ({@code null}). */
    void encryptWith(SrtpKey key) {
        encrypting = key == null ? null : new SrtpStream(key);
    }

    /** Takes only SRTP of {@code key} from now on: what is not is counted {@link #refused()} and dropped. */
    void decryptWith(SrtpKey key) {
        decrypting = new SrtpStream(key);
    }

    /** How many packets were not SRTP of the key it decrypts with. */
    int refused() {
        return refused.get();
    }

    int timestamp() {
        return timestamp;
    }

    int ssrc() {
        return ssrc;
    }

    void send(MediaLeg to, boolean marker, int payloadType, int sequence, int timestamp, byte[] payload) throws IOException {
        byte[] packet = new byte[12 + payload.length + 16];
        RtpPacket.writeHeader(packet, marker, payloadType, sequence & 0xFFFF, timestamp, ssrc);
        System.arraycopy(payload, 0, packet, 12, payload.length);
        SrtpStream srtp = encrypting;
        int length = srtp == null ? 12 + payload.length : srtp.protect(packet, 12 + payload.length);
        channel.send(ByteBuffer.wrap(packet, 0, length),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), to.localPort()));
    }

    private void read() {
        ByteBuffer buffer = ByteBuffer.allocate(2048);
        RtpPacket parsed = new RtpPacket();
        while (channel.isOpen()) {
            try {
                buffer.clear();
                channel.receive(buffer);
                SrtpStream srtp = decrypting;
                int length = srtp == null ? buffer.position() : srtp.unprotect(buffer.array(), buffer.position());
                if (length < 0) {
                    refused.incrementAndGet();
                } else if (RtcpPacket.isRtcp(buffer.array(), length)) {
                    // a leg's report to its far end's RTP port + 1, which another phone on loopback may hold
                } else if (parsed.parse(buffer.array(), length)) {
                    received.add(new Packet(parsed.marker, parsed.payloadType, parsed.sequence, parsed.timestamp,
                            parsed.ssrc, Arrays.copyOfRange(buffer.array(), parsed.payloadOffset,
                            parsed.payloadOffset + parsed.payloadLength)));
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
        reader.interrupt();
    }
}
