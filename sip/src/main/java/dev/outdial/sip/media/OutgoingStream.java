package dev.outdial.sip.media;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one RTP stream a leg sends, whoever fills it: prompts and silence from the pacer, or packets
 * relayed from the bridged leg. The far end sees one SSRC and sequence numbers and timestamps that
 * carry on across every change of source (RFC 3550 §5.1), with the marker bit where a new source
 * starts, so its jitter buffer never resets.
 *
 * <p>Relayed packets are mapped by fixed offsets taken when their source starts (the bridge
 * changes, or the source changes SSRC, or its sequence jumps): gaps and reordering in the source show through unchanged, so the far end still sees
 * loss, and nothing waits for a timer. Sending happens under the stream's lock so that packets
 * leave in the order they were numbered.
 */
final class OutgoingStream {

    static final int SAMPLES_PER_PACKET = 160;
    private static final int MAX_PACKET = 1500;
    private static final long NANOS_PER_SAMPLE = 1_000_000_000L / Resampler.TARGET_RATE;
    /** Longer than this without a local packet is a pause, not pacing jitter: time moves on in the timestamps. */
    private static final int PAUSE_SAMPLES = 3 * SAMPLES_PER_PACKET;
    /** A relayed source whose sequence moves further than this has restarted: re-anchor. */
    private static final int SEQUENCE_JUMP = 1000;

    private final int ssrc = ThreadLocalRandom.current().nextInt();
    /** Room for the packet and, with SRTP, its authentication tag. */
    private final byte[] packet = new byte[MAX_PACKET + 16];
    private final ByteBuffer datagram = ByteBuffer.wrap(packet);

    private int nextSequence = ThreadLocalRandom.current().nextInt(0x10000);
    private int lastTimestamp = ThreadLocalRandom.current().nextInt();
    private long lastSentNanos;
    private boolean sentAny;
    private long packetsSent;
    private long octetsSent;

    private boolean relaying;
    private boolean anchored;
    private int anchoredSsrc;
    private int lastRelayedSequence;
    private int sequenceOffset;
    private int timestampOffset;
    /** The timestamp of the RFC 4733 event being sent: every packet of it carries its first one's. */
    private int eventTimestamp;
    /** With SRTP, what each packet is protected with. */
    private SrtpStream encrypting;

    int ssrc() {
        return ssrc;
    }

    /** Sends every packet from now on as SRTP with {@code key}, or as plain RTP ({@code null}). */
    synchronized void encryptWith(SrtpKey key) {
        encrypting = SrtpStream.keyedWith(key, encrypting);
    }

    /** Sends 20 ms the leg makes itself (a prompt or silence) right after the previous packet. */
    synchronized boolean sendLocal(int payloadType, byte[] payload, long nowNanos, DatagramChannel channel,
                                   InetSocketAddress remote) {
        boolean marker = !sentAny || relaying;
        return sendOwn(marker, payloadType, nextOwnTimestamp(nowNanos), payload, nowNanos, channel, remote);
    }

    /**
     * Sends a packet of an RFC 4733 event the leg makes itself, in the 20 ms after the previous packet: each carries
     * the timestamp of the event's first ({@code start}, marked), while the stream's time moves on as with audio, so
     * the audio after the event follows it in time (RFC 4733 §2.5.1.2).
     */
    synchronized boolean sendEvent(int payloadType, byte[] payload, boolean start, long nowNanos,
                                   DatagramChannel channel, InetSocketAddress remote) {
        int timestamp = nextOwnTimestamp(nowNanos);
        if (start) {
            eventTimestamp = timestamp;
        }
        return sendOwn(start, payloadType, eventTimestamp, payload, nowNanos, channel, remote);
    }

    /** The stream's time of a packet the leg makes itself, sent now; the relay's mapping ends with it. */
    private int nextOwnTimestamp(long nowNanos) {
        int timestamp = sentAny ? lastTimestamp + timeSinceLastPacket(nowNanos) : lastTimestamp;
        relaying = false;
        anchored = false;
        lastTimestamp = timestamp;
        return timestamp;
    }

    private boolean sendOwn(boolean marker, int payloadType, int timestamp, byte[] payload, long nowNanos,
                            DatagramChannel channel, InetSocketAddress remote) {
        int sequence = nextSequence;
        nextSequence = (nextSequence + 1) & 0xFFFF;
        RtpPacket.writeHeader(packet, marker, payloadType, sequence, timestamp, ssrc);
        System.arraycopy(payload, 0, packet, RtpPacket.HEADER, payload.length);
        return send(RtpPacket.HEADER + payload.length, nowNanos, channel, remote);
    }

    /**
     * Sends a packet received on the other leg, renumbered into this stream; {@code payloadType} is
     * this leg's, {@code transcode} rewrites the copied payload when the codecs differ.
     */
    synchronized boolean sendRelayed(RtpPacket received, int payloadType, Codec from, Codec to, long nowNanos,
                                     DatagramChannel channel, InetSocketAddress remote) {
        if (received.payloadLength > MAX_PACKET - RtpPacket.HEADER) {
            return false;
        }
        boolean newSource = !anchored || received.ssrc != anchoredSsrc
                || Math.abs((short) (received.sequence - lastRelayedSequence)) > SEQUENCE_JUMP;
        if (newSource) {
            int timestamp = sentAny ? lastTimestamp + timeSinceLastPacket(nowNanos) : lastTimestamp;
            timestampOffset = timestamp - received.timestamp;
            sequenceOffset = nextSequence - received.sequence;
            anchoredSsrc = received.ssrc;
            lastRelayedSequence = received.sequence;
            relaying = true;
            anchored = true;
        }
        int sequence = (received.sequence + sequenceOffset) & 0xFFFF;
        int timestamp = received.timestamp + timestampOffset;
        if ((short) (sequence - nextSequence) >= 0) {
            nextSequence = (sequence + 1) & 0xFFFF;
            lastRelayedSequence = received.sequence;
        }
        if (timestamp - lastTimestamp > 0 || newSource) {
            lastTimestamp = timestamp;
        }
        RtpPacket.writeHeader(packet, received.marker || newSource, payloadType, sequence, timestamp, ssrc);
        System.arraycopy(received.data, received.payloadOffset, packet, RtpPacket.HEADER, received.payloadLength);
        if (from != null && to != null) {
            G711.transcode(from, to, packet, RtpPacket.HEADER, received.payloadLength);
        }
        return send(RtpPacket.HEADER + received.payloadLength, nowNanos, channel, remote);
    }

    /**
     * The relayed packets come from another leg from now on: the next one is mapped afresh even if
     * it has the SSRC of the last (two carriers' calls, or two SIPp calls playing the same capture,
     * can), so the far end never sees sequence numbers or timestamps jump back.
     */
    synchronized void sourceChanged() {
        anchored = false;
    }

    /** Samples to add to the last timestamp: one packet's worth while pacing, the time elapsed after a pause or a relay. */
    private int timeSinceLastPacket(long nowNanos) {
        long elapsed = (nowNanos - lastSentNanos) / NANOS_PER_SAMPLE;
        if (!relaying && elapsed <= PAUSE_SAMPLES) {
            return SAMPLES_PER_PACKET;
        }
        long packets = Math.max(1, Math.round((double) elapsed / SAMPLES_PER_PACKET));
        return (int) Math.min(Integer.MAX_VALUE / 2, packets * SAMPLES_PER_PACKET);
    }

    private boolean send(int length, long nowNanos, DatagramChannel channel, InetSocketAddress remote) {
        sentAny = true;
        lastSentNanos = nowNanos;
        SrtpStream protection = encrypting;
        datagram.clear().limit(protection == null ? length : protection.protect(packet, length));
        try {
            if (channel.send(datagram, remote) > 0) {
                packetsSent++;
                octetsSent += length - RtpPacket.HEADER;
                return true;
            }
            return false;
        } catch (IOException e) {
            return false; // ICMP unreachable, a closed leg: RTP is not retried
        }
    }

    /** The packets sent, the far end's own and those relayed to it. */
    synchronized long packetsSent() {
        return packetsSent;
    }

    /**
     * What the stream sent, for a sender report at {@code ntp} ({@code nowNanos}): the RTP time it has reached and
     * its packets and payload octets (RFC 3550 §6.4.1); null before its first packet.
     */
    synchronized RtcpPacket.Sender sender(long ntp, long nowNanos) {
        if (!sentAny) {
            return null;
        }
        int now = lastTimestamp + (int) ((nowNanos - lastSentNanos) / NANOS_PER_SAMPLE);
        return new RtcpPacket.Sender(ntp, now, packetsSent, octetsSent);
    }
}
