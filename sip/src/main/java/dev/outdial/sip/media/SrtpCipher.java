package dev.outdial.sip.media;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * The session keys one master key gives SRTP or SRTCP (RFC 3711 §4.3, a key derivation rate of 0, the SDES default),
 * and what is done with them: AES in counter mode over part of a packet, with the IV of its SSRC and index (§4.1.1),
 * and the HMAC-SHA1 of a packet (§4.2). Not thread-safe: its buffers are reused packet after packet.
 */
final class SrtpCipher {

    /** The labels of the three session keys: SRTP's are 0, 1, 2 and SRTCP's 3, 4, 5. */
    enum Labels {
        SRTP(0), SRTCP(3);

        private final int first;

        Labels(int first) {
            this.first = first;
        }
    }

    private static final int BLOCK = 16;
    private static final int AUTH_KEY_BYTES = 20;
    static final int SHA1_BYTES = 20;
    /** Counter blocks for the largest packet Outdial handles. */
    private static final int MAX_BLOCKS = 2048 / BLOCK;

    private final Cipher aes;
    private final Mac hmac;
    private final byte[] sessionSalt;
    private final byte[] counters = new byte[MAX_BLOCKS * BLOCK];
    private final byte[] keystream = new byte[MAX_BLOCKS * BLOCK];
    private final byte[] iv = new byte[BLOCK];
    /** The last tag computed. */
    final byte[] tag = new byte[SHA1_BYTES];

    SrtpCipher(SrtpKey key, Labels labels) {
        try {
            Cipher master = Cipher.getInstance("AES/ECB/NoPadding");
            master.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.masterKey(), "AES"));
            byte[] cipherKey = derive(master, key.masterSalt(), labels.first, SrtpKey.KEY_BYTES);
            byte[] authKey = derive(master, key.masterSalt(), labels.first + 1, AUTH_KEY_BYTES);
            this.sessionSalt = derive(master, key.masterSalt(), labels.first + 2, SrtpKey.SALT_BYTES);
            this.aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cipherKey, "AES"));
            this.hmac = Mac.getInstance("HmacSHA1");
            hmac.init(new SecretKeySpec(authKey, "HmacSHA1"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no AES or HMAC-SHA1", e);
        }
    }

    /** XORs {@code packet[from, to)} with the keystream of {@code ssrc} and {@code index} (RFC 3711 §4.1.1). */
    void crypt(byte[] packet, int from, int to, int ssrc, long index) {
        int length = to - from;
        if (length <= 0) {
            return;
        }
        int blocks = (length + BLOCK - 1) / BLOCK;
        Arrays.fill(iv, (byte) 0);
        System.arraycopy(sessionSalt, 0, iv, 0, SrtpKey.SALT_BYTES);
        for (int i = 0; i < 4; i++) {
            iv[4 + i] ^= (byte) (ssrc >>> (24 - 8 * i));
        }
        for (int i = 0; i < 6; i++) {
            iv[8 + i] ^= (byte) (index >>> (40 - 8 * i));
        }
        for (int block = 0; block < blocks; block++) {
            System.arraycopy(iv, 0, counters, block * BLOCK, BLOCK - 2);
            int counter = ((iv[BLOCK - 2] & 0xFF) << 8 | (iv[BLOCK - 1] & 0xFF)) + block;
            counters[block * BLOCK + BLOCK - 2] = (byte) (counter >>> 8);
            counters[block * BLOCK + BLOCK - 1] = (byte) counter;
        }
        try {
            aes.doFinal(counters, 0, blocks * BLOCK, keystream, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES failed on a whole number of blocks", e);
        }
        for (int i = 0; i < length; i++) {
            packet[from + i] ^= keystream[i];
        }
    }

    /** The HMAC-SHA1 of {@code packet[0, length)} into {@link #tag}. */
    void authenticate(byte[] packet, int length) {
        hmac.update(packet, 0, length);
        finish();
    }

    /** The HMAC-SHA1 of {@code packet[0, length)} followed by {@code trailer}'s four bytes into {@link #tag}. */
    void authenticate(byte[] packet, int length, int trailer) {
        hmac.update(packet, 0, length);
        hmac.update((byte) (trailer >>> 24));
        hmac.update((byte) (trailer >>> 16));
        hmac.update((byte) (trailer >>> 8));
        hmac.update((byte) trailer);
        finish();
    }

    private void finish() {
        try {
            hmac.doFinal(tag, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code tagBytes} of {@link #tag} are at {@code packet[at]}: compared in constant time, as MACs are. */
    boolean tagMatches(byte[] packet, int at, int tagBytes) {
        int differences = 0;
        for (int i = 0; i < tagBytes; i++) {
            differences |= tag[i] ^ packet[at + i];
        }
        return differences == 0;
    }

    /** A session key or salt: AES-CM of the master salt with the label (§4.3.1, key derivation rate 0). */
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
