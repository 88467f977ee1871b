package dev.outdial.sip.media;

/**
 * One direction of an SRTP stream (RFC 3711) with AES in counter mode and an HMAC-SHA1 tag: {@link #protect} what
 * Outdial sends, or {@link #unprotect} what the far end sent, in place. The session keys are derived from the master
 * key once (a key derivation rate of 0, the SDES default); the packet index follows the sequence numbers, counting
 * their wraps (the roll-over counter), the way RFC 3711 Appendix A guesses it from the highest sequence seen, so a
 * packet reordered across a wrap still decrypts. Received packets are checked before they are decrypted, and one
 * seen already, or older than the last 64, is refused (replay protection, §3.3.2). A new SSRC starts the count
 * afresh (a carrier that changes its source mid-call). Not thread-safe: one thread at a time sends, or receives.
 *
 * <p>Public for the media benchmark's far ends ({@code bench/sip-load.sh}), which speak SRTP to the engine.
 *
 * <p>Written on the JDK's AES and HMAC-SHA1 rather than taken from a library: the one Java SRTP library kept up
 * (Jitsi's) brings a Kotlin runtime, JNA and Bouncy Castle for these two primitives. Checked against RFC 3711's test
 * vectors and against a softphone's own SRTP (baresip's).
 */
public final class SrtpStream {

    private final SrtpKey key;
    private final int tagBytes;
    private final SrtpCipher cipher;
    private final ReplayWindow window = new ReplayWindow();

    private boolean started;
    private int ssrc;
    private int rollOver;
    private int highestSequence;

    public SrtpStream(SrtpKey key) {
        this.key = key;
        this.tagBytes = key.suite().tagBytes();
        this.cipher = new SrtpCipher(key, SrtpCipher.Labels.SRTP);
    }

    /**
     * The stream for {@code key} ({@code null}: none, plain RTP), going on from {@code current} when that has the same
     * key: a re-INVITE that repeats the key keeps the packet count.
     */
    static SrtpStream keyedWith(SrtpKey key, SrtpStream current) {
        if (key == null) {
            return null;
        }
        return current != null && current.key.equals(key) ? current : new SrtpStream(key);
    }

    /** How many bytes a protected packet grows by: its authentication tag. */
    public int overhead() {
        return tagBytes;
    }

    /**
     * Encrypts the payload of the RTP packet in {@code packet[0, length)} and appends its tag; the array must have
     * {@link #overhead()} bytes of room after it. Answers the protected length.
     */
    public int protect(byte[] packet, int length) {
        int headerLength = RtpPacket.headerLength(packet, length);
        follow(RtpPacket.ssrcOf(packet));
        long index = indexOf(packet);
        advance(index);
        cipher.crypt(packet, headerLength, length, ssrc, index);
        cipher.authenticate(packet, length, rollOverOf(index));
        System.arraycopy(cipher.tag, 0, packet, length, tagBytes);
        return length + tagBytes;
    }

    /**
     * Checks and decrypts the SRTP packet in {@code packet[0, length)}: the length of the RTP packet it held, or -1
     * when it is not one of the far end's (a tag that does not match: another key, a forgery, a plain RTP packet) or
     * is a replay.
     */
    public int unprotect(byte[] packet, int length) {
        int plainLength = length - tagBytes;
        int headerLength = plainLength >= RtpPacket.HEADER ? RtpPacket.headerLength(packet, plainLength) : -1;
        if (headerLength < 0) {
            return -1;
        }
        int packetSsrc = RtpPacket.ssrcOf(packet);
        boolean newSource = started && packetSsrc != ssrc;
        long index = newSource ? RtpPacket.sequenceOf(packet) : indexOf(packet);
        cipher.authenticate(packet, plainLength, rollOverOf(index));
        if (!cipher.tagMatches(packet, plainLength, tagBytes)) {
            return -1;
        }
        follow(packetSsrc);
        if (window.replayed(index)) {
            return -1;
        }
        advance(index);
        window.accepted(index);
        cipher.crypt(packet, headerLength, plainLength, packetSsrc, index);
        return plainLength;
    }

    /** A packet of another SSRC than the last starts the count afresh: a new source, its own sequence. */
    private void follow(int packetSsrc) {
        if (started && packetSsrc != ssrc) {
            started = false;
            window.reset();
        }
        ssrc = packetSsrc;
    }

    /** The packet's index (RFC 3711 §3.3.1): its sequence number and the roll-over count it most likely belongs to. */
    private long indexOf(byte[] packet) {
        int sequence = RtpPacket.sequenceOf(packet);
        if (!started) {
            return sequence;
        }
        int guessed = rollOver;
        if (highestSequence < 0x8000) {
            if (sequence - highestSequence > 0x8000) {
                guessed = rollOver - 1;
            }
        } else if (highestSequence - 0x8000 > sequence) {
            guessed = rollOver + 1;
        }
        return ((long) guessed << 16) | sequence;
    }

    private static int rollOverOf(long index) {
        return (int) (index >>> 16);
    }

    /** Moves the highest sequence and the roll-over count on to {@code index} if it is past them. */
    private void advance(long index) {
        int sequence = (int) (index & 0xFFFF);
        if (!started) {
            started = true;
            rollOver = rollOverOf(index);
            highestSequence = sequence;
        } else if (index > (((long) rollOver << 16) | highestSequence)) {
            rollOver = rollOverOf(index);
            highestSequence = sequence;
        }
    }
}
