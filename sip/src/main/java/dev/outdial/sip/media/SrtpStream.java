package dev.outdial.sip.media;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

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

    private static final int BLOCK = 16;
    private static final int LABEL_CIPHER = 0;
    private static final int LABEL_AUTH = 1;
    private static final int LABEL_SALT = 2;
    private static final int AUTH_KEY_BYTES = 20;
    private static final int SHA1_BYTES = 20;
    private static final int REPLAY_WINDOW = 64;
    /** Counter blocks for the largest packet Outdial handles. */
    private static final int MAX_BLOCKS = 2048 / BLOCK;

    private final SrtpKey key;
    private final int tagBytes;
    private final Cipher aes;
    private final Mac hmac;
    private final byte[] sessionSalt;
    private final byte[] counters = new byte[MAX_BLOCKS * BLOCK];
    private final byte[] keystream = new byte[MAX_BLOCKS * BLOCK];
    private final byte[] tag = new byte[SHA1_BYTES];
    private final byte[] iv = new byte[BLOCK];

    private boolean started;
    private int ssrc;
    private int rollOver;
    private int highestSequence;
    /** For the replay check of what is received: the highest index accepted, and which of the 64 before it came. */
    private long highestIndex = -1;
    private long seen;

    public SrtpStream(SrtpKey key) {
        this.key = key;
        this.tagBytes = key.suite().tagBytes();
        try {
            Cipher master = Cipher.getInstance("AES/ECB/NoPadding");
            master.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.masterKey(), "AES"));
            byte[] cipherKey = derive(master, key.masterSalt(), LABEL_CIPHER, SrtpKey.KEY_BYTES);
            byte[] authKey = derive(master, key.masterSalt(), LABEL_AUTH, AUTH_KEY_BYTES);
            this.sessionSalt = derive(master, key.masterSalt(), LABEL_SALT, SrtpKey.SALT_BYTES);
            this.aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cipherKey, "AES"));
            this.hmac = Mac.getInstance("HmacSHA1");
            hmac.init(new SecretKeySpec(authKey, "HmacSHA1"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no AES or HMAC-SHA1", e);
        }
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
        crypt(packet, headerLength, length, index);
        authenticate(packet, length, rollOverOf(index));
        System.arraycopy(tag, 0, packet, length, tagBytes);
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
        authenticate(packet, plainLength, rollOverOf(index));
        if (!tagMatches(packet, plainLength)) {
            return -1;
        }
        follow(packetSsrc);
        if (replayed(index)) {
            return -1;
        }
        advance(index);
        accepted(index);
        crypt(packet, headerLength, plainLength, index);
        return plainLength;
    }

    /** Whether the packet's tag, at {@code at}, is the one computed: compared in constant time, as MACs are. */
    private boolean tagMatches(byte[] packet, int at) {
        int differences = 0;
        for (int i = 0; i < tagBytes; i++) {
            differences |= tag[i] ^ packet[at + i];
        }
        return differences == 0;
    }

    /** A packet of another SSRC than the last starts the count afresh: a new source, its own sequence. */
    private void follow(int packetSsrc) {
        if (started && packetSsrc != ssrc) {
            started = false;
            highestIndex = -1;
            seen = 0;
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

    private boolean replayed(long index) {
        if (highestIndex < 0 || index > highestIndex) {
            return false;
        }
        long behind = highestIndex - index;
        return behind >= REPLAY_WINDOW || (seen & (1L << behind)) != 0;
    }

    private void accepted(long index) {
        if (index > highestIndex) {
            long moved = highestIndex < 0 ? REPLAY_WINDOW : index - highestIndex;
            seen = moved >= REPLAY_WINDOW ? 1 : (seen << moved) | 1;
            highestIndex = index;
        } else {
            seen |= 1L << (highestIndex - index);
        }
    }

    /** XORs {@code packet[from, to)} with the keystream of the packet's SSRC and index (RFC 3711 §4.1.1). */
    private void crypt(byte[] packet, int from, int to, long index) {
        int length = to - from;
        if (length <= 0) {
            return;
        }
        int blocks = (length + BLOCK - 1) / BLOCK;
        Arrays.fill(iv, (byte) 0);
        System.arraycopy(sessionSalt, 0, iv, 0, SrtpKey.SALT_BYTES);
        int packetSsrc = RtpPacket.ssrcOf(packet);
        for (int i = 0; i < 4; i++) {
            iv[4 + i] ^= (byte) (packetSsrc >>> (24 - 8 * i));
        }
        for (int i = 0; i < 6; i++) {
            iv[8 + i] ^= (byte) (index >>> (40 - 8 * i));
        }
        keystream(aes, iv, blocks);
        for (int i = 0; i < length; i++) {
            packet[from + i] ^= keystream[i];
        }
    }

    /** Fills {@code keystream} with {@code blocks} blocks of AES-CM from {@code iv}, whose last 16 bits count. */
    private void keystream(Cipher cipher, byte[] iv, int blocks) {
        for (int block = 0; block < blocks; block++) {
            System.arraycopy(iv, 0, counters, block * BLOCK, BLOCK - 2);
            int counter = ((iv[BLOCK - 2] & 0xFF) << 8 | (iv[BLOCK - 1] & 0xFF)) + block;
            counters[block * BLOCK + BLOCK - 2] = (byte) (counter >>> 8);
            counters[block * BLOCK + BLOCK - 1] = (byte) counter;
        }
        try {
            cipher.doFinal(counters, 0, blocks * BLOCK, keystream, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES failed on a whole number of blocks", e);
        }
    }

    /** The HMAC-SHA1 of the packet and its roll-over count into {@code tag} (RFC 3711 §4.2). */
    private void authenticate(byte[] packet, int length, int packetRollOver) {
        hmac.update(packet, 0, length);
        hmac.update((byte) (packetRollOver >>> 24));
        hmac.update((byte) (packetRollOver >>> 16));
        hmac.update((byte) (packetRollOver >>> 8));
        hmac.update((byte) packetRollOver);
        try {
            hmac.doFinal(tag, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A session key or salt (RFC 3711 §4.3.1, key derivation rate 0): AES-CM of the master salt with the label. */
    private static byte[] derive(Cipher master, byte[] masterSalt, int label, int bytes)
            throws GeneralSecurityException {
        int blocks = (bytes + BLOCK - 1) / BLOCK;
        byte[] counters = new byte[blocks * BLOCK];
        for (int block = 0; block < blocks; block++) {
            System.arraycopy(masterSalt, 0, counters, block * BLOCK, SrtpKey.SALT_BYTES);
            counters[block * BLOCK + 7] ^= (byte) label;
            counters[block * BLOCK + BLOCK - 1] = (byte) block;
        }
        return Arrays.copyOf(master.doFinal(counters), bytes);
    }
}
