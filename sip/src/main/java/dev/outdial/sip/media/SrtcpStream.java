package dev.outdial.sip.media;

/**
 * One direction of SRTCP (RFC 3711 §3.4), the RTCP of a leg whose media is SRTP, under the same master key as the
 * SRTP it goes with and session keys of its own: everything after the first report's SSRC encrypted (AES-CM, the IV of
 * the SSRC and the SRTCP index), then the E flag and the 31-bit index, then an 80-bit HMAC-SHA1 tag over it all (80
 * bits whatever the SRTP suite's tag, RFC 4568 §6.2). Received packets are checked before they are decrypted, and a
 * replayed index is refused. One thread at a time receives; sending is locked (a leg's last report, its goodbye, may
 * go from the thread closing it while the pacer sends one).
 */
final class SrtcpStream {

    /** The E flag (the packet is encrypted) and the index, then the tag. */
    static final int OVERHEAD = 4 + 10;
    private static final int TAG_BYTES = 10;
    private static final int ENCRYPTED = 0x8000_0000;
    private static final int INDEX_MASK = 0x7FFF_FFFF;
    /** The first report's header and its sender's SSRC, never encrypted. */
    private static final int CLEAR = 8;

    private final SrtpKey key;
    private final SrtpCipher cipher;
    private final ReplayWindow window = new ReplayWindow();
    private int nextIndex;

    SrtcpStream(SrtpKey key) {
        this.key = key;
        this.cipher = new SrtpCipher(key, SrtpCipher.Labels.SRTCP);
    }

    /** The stream for {@code key} ({@code null}: none, plain RTCP), going on from {@code current} when that has it. */
    static SrtcpStream keyedWith(SrtpKey key, SrtcpStream current) {
        if (key == null) {
            return null;
        }
        return current != null && current.key.equals(key) ? current : new SrtcpStream(key);
    }

    /**
     * Encrypts the compound RTCP packet in {@code packet[0, length)} and appends its index and tag; the array must
     * have {@link #OVERHEAD} bytes of room after it. Answers the protected length.
     */
    synchronized int protect(byte[] packet, int length) {
        int index = nextIndex;
        nextIndex = (nextIndex + 1) & INDEX_MASK;
        cipher.crypt(packet, CLEAR, length, RtpPacket.readInt(packet, 4), index);
        RtpPacket.writeInt(packet, length, ENCRYPTED | index);
        cipher.authenticate(packet, length + 4);
        System.arraycopy(cipher.tag, 0, packet, length + 4, TAG_BYTES);
        return length + OVERHEAD;
    }

    /**
     * Checks and decrypts the SRTCP packet in {@code packet[0, length)}: the length of the compound RTCP packet it
     * held, or -1 when it is not the far end's (a tag that does not match: another key, a forgery, plain RTCP) or is
     * a replay.
     */
    int unprotect(byte[] packet, int length) {
        int plainLength = length - OVERHEAD;
        if (plainLength < CLEAR) {
            return -1;
        }
        cipher.authenticate(packet, plainLength + 4);
        if (!cipher.tagMatches(packet, plainLength + 4, TAG_BYTES)) {
            return -1;
        }
        int word = RtpPacket.readInt(packet, plainLength);
        long index = word & INDEX_MASK;
        if (window.replayed(index)) {
            return -1;
        }
        window.accepted(index);
        if ((word & ENCRYPTED) != 0) {
            cipher.crypt(packet, CLEAR, plainLength, RtpPacket.readInt(packet, 4), index);
        }
        return plainLength;
    }
}
