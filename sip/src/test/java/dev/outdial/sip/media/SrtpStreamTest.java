package dev.outdial.sip.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SrtpStreamTest {

    private static final HexFormat HEX = HexFormat.of();
    /** libsrtp's known-answer test (srtp_driver.c), the key and salt of RFC 3711 B.3. */
    private static final SrtpKey KEY = new SrtpKey(SrtpKey.Suite.AES_CM_128_HMAC_SHA1_80,
            HEX.parseHex("e1f97a0d3e018be0d64fa32c06de4139"), HEX.parseHex("0ec675ad498afeebb6960b3aabe6"));
    private static final String PLAIN = "800f1234decafbadcafebabe" + "ab".repeat(16);
    private static final String CIPHER = "800f1234decafbadcafebabe4e55dc4ce79978d88ca4d215949d2402";
    private static final String TAG_80 = "b78d6acc99ea179b8dbb";

    private static byte[] packet(String hex) {
        return Arrays.copyOf(HEX.parseHex(hex), 64);
    }

    private static byte[] rtp(int sequence, int ssrc, byte fill) {
        byte[] packet = new byte[64];
        RtpPacket.writeHeader(packet, false, 0, sequence, sequence * 160, ssrc);
        Arrays.fill(packet, RtpPacket.HEADER, RtpPacket.HEADER + 20, fill);
        return packet;
    }

    @Test
    void aPacketIsEncryptedAndTaggedAsRfc3711AndLibsrtpSay() {
        byte[] packet = packet(PLAIN);

        int length = new SrtpStream(KEY).protect(packet, 28);

        assertThat(HEX.formatHex(packet, 0, length)).isEqualTo(CIPHER + TAG_80);
    }

    @Test
    void theShortTagIsTheFirst32BitsOfTheSame() {
        SrtpKey shortTag = new SrtpKey(SrtpKey.Suite.AES_CM_128_HMAC_SHA1_32, KEY.masterKey(), KEY.masterSalt());
        byte[] packet = packet(PLAIN);

        int length = new SrtpStream(shortTag).protect(packet, 28);

        assertThat(HEX.formatHex(packet, 0, length)).isEqualTo(CIPHER + TAG_80.substring(0, 8));
    }

    @Test
    void whatTheFarEndProtectedIsCheckedAndDecrypted() {
        byte[] packet = packet(CIPHER + TAG_80);

        int length = new SrtpStream(KEY).unprotect(packet, 38);

        assertThat(HEX.formatHex(packet, 0, length)).isEqualTo(PLAIN);
    }

    @Test
    void aPacketTamperedWithOrOfAnotherKeyOrPlainIsRefused() {
        byte[] tampered = packet(CIPHER + TAG_80);
        tampered[20] ^= 1;
        SrtpKey other = SrtpKey.random(SrtpKey.Suite.AES_CM_128_HMAC_SHA1_80);

        assertThat(new SrtpStream(KEY).unprotect(tampered, 38)).isEqualTo(-1);
        assertThat(new SrtpStream(other).unprotect(packet(CIPHER + TAG_80), 38)).isEqualTo(-1);
        assertThat(new SrtpStream(KEY).unprotect(packet(PLAIN), 28)).as("plain RTP").isEqualTo(-1);
        assertThat(new SrtpStream(KEY).unprotect(packet("800f"), 2)).as("too short").isEqualTo(-1);
    }

    @Test
    void aReplayedPacketIsRefusedAndOneALittleLateIsNot() {
        SrtpStream sender = new SrtpStream(KEY);
        SrtpStream receiver = new SrtpStream(KEY);
        byte[][] sent = new byte[4][];
        int[] lengths = new int[4];
        for (int i = 0; i < 4; i++) {
            sent[i] = rtp(100 + i, 7, (byte) i);
            lengths[i] = sender.protect(sent[i], 32);
        }
        byte[] again = sent[1].clone();

        assertThat(receiver.unprotect(sent[0], lengths[0])).isEqualTo(32);
        assertThat(receiver.unprotect(sent[2], lengths[2])).isEqualTo(32);
        assertThat(receiver.unprotect(sent[1], lengths[1])).as("late, not seen").isEqualTo(32);
        assertThat(receiver.unprotect(again, lengths[1])).as("the same again").isEqualTo(-1);
        assertThat(receiver.unprotect(sent[3], lengths[3])).isEqualTo(32);
        assertThat(sent[1][RtpPacket.HEADER]).isEqualTo((byte) 1);
    }

    @Test
    void theSequenceNumbersWrapIntoTheNextRollOverEvenReorderedAcrossTheWrap() {
        SrtpStream sender = new SrtpStream(KEY);
        SrtpStream receiver = new SrtpStream(KEY);
        int[] sequences = {65533, 65534, 65535, 0, 1, 2};
        byte[][] sent = new byte[sequences.length][];
        for (int i = 0; i < sequences.length; i++) {
            sent[i] = rtp(sequences[i], 9, (byte) (i + 1));
            assertThat(sender.protect(sent[i], 32)).isEqualTo(42);
        }

        for (int i : new int[] {0, 1, 3, 2, 4, 5}) { // 0 comes before 65535
            assertThat(receiver.unprotect(sent[i], 42)).as("sequence %d", sequences[i]).isEqualTo(32);
            assertThat(sent[i][RtpPacket.HEADER]).isEqualTo((byte) (i + 1));
        }
    }

    @Test
    void aNewSourceStartsItsOwnCount() {
        SrtpStream receiver = new SrtpStream(KEY);
        byte[] first = rtp(40000, 1, (byte) 3);
        int length = new SrtpStream(KEY).protect(first, 32);
        byte[] second = rtp(10, 2, (byte) 4);
        int secondLength = new SrtpStream(KEY).protect(second, 32);

        assertThat(receiver.unprotect(first, length)).isEqualTo(32);
        assertThat(receiver.unprotect(second, secondLength)).as("SSRC 2 from sequence 10").isEqualTo(32);
        assertThat(second[RtpPacket.HEADER]).isEqualTo((byte) 4);
    }

    @Test
    void aKeyIsWrittenAndReadAsAnSdpCryptoAttributeAndNeverShown() {
        String attribute = KEY.attribute();

        assertThat(attribute).isEqualTo("AES_CM_128_HMAC_SHA1_80 inline:4fl6DT4Bi+DWT6MsBt5BOQ7Gda1Jiv7rtpYLOqvm");
        assertThat(SrtpKey.fromAttribute("AES_CM_128_HMAC_SHA1_80", "inline:4fl6DT4Bi+DWT6MsBt5BOQ7Gda1Jiv7rtpYLOqvm"))
                .contains(KEY);
        assertThat(SrtpKey.fromAttribute("AES_CM_128_HMAC_SHA1_80",
                "inline:4fl6DT4Bi+DWT6MsBt5BOQ7Gda1Jiv7rtpYLOqvm|2^31")).as("a lifetime").contains(KEY);
        assertThat(SrtpKey.fromAttribute("AES_CM_128_HMAC_SHA1_80",
                "inline:4fl6DT4Bi+DWT6MsBt5BOQ7Gda1Jiv7rtpYLOqvm|2^31|1:4")).as("a key identifier").isEmpty();
        assertThat(SrtpKey.fromAttribute("AES_256_CM_HMAC_SHA1_80", "inline:4fl6DT4Bi+DWT6MsBt5BOQ7Gda1Jiv7rtpYLOqvm"))
                .isEmpty();
        assertThat(SrtpKey.fromAttribute("AES_CM_128_HMAC_SHA1_80", "inline:c2hvcnQ=")).isEmpty();
        assertThat(SrtpKey.fromAttribute("AES_CM_128_HMAC_SHA1_80", "inline:!!")).isEmpty();
        assertThat(KEY.toString()).doesNotContain("4fl6");
    }
}
