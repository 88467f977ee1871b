package dev.outdial.sip.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** SRTCP (RFC 3711 §3.4) against libSRTP's validation vector, and what a receiver refuses. */
class SrtcpStreamTest {

    private static final HexFormat HEX = HexFormat.of();
    /** libSRTP's test key (srtp_driver's srtp_validate), the one RFC 3711's SRTP vectors use as well. */
    private static final SrtpKey KEY = new SrtpKey(SrtpKey.Suite.AES_CM_128_HMAC_SHA1_80,
            HEX.parseHex("e1f97a0d3e018be0d64fa32c06de4139"), HEX.parseHex("0ec675ad498afeebb6960b3aabe6"));
    private static final byte[] PLAIN = HEX.parseHex("81c8000bcafebabe" + "ab".repeat(16));
    /** SRTCP index 1: libSRTP counts its first packet 1, Outdial (as the RFC has it) 0. */
    private static final byte[] PROTECTED = HEX.parseHex("81c8000bcafebabe7128035be487b9bdbef89041f977a5a8"
            + "80000001" + "993e08cd54d6c1230798");

    @Test
    void theSecondPacketProtectedIsLibSrtpsVectorAndItUnprotectsBack() {
        SrtcpStream sender = new SrtcpStream(KEY);
        sender.protect(room(PLAIN), PLAIN.length); // index 0

        byte[] packet = room(PLAIN);
        int length = sender.protect(packet, PLAIN.length);

        assertThat(Arrays.copyOf(packet, length)).isEqualTo(PROTECTED);
        byte[] received = PROTECTED.clone();
        assertThat(new SrtcpStream(KEY).unprotect(received, received.length)).isEqualTo(PLAIN.length);
        assertThat(Arrays.copyOf(received, PLAIN.length)).isEqualTo(PLAIN);
    }

    @Test
    void aShortTagSuitesSrtcpStillCarriesAnEightyBitTag() {
        SrtpKey shortTag = new SrtpKey(SrtpKey.Suite.AES_CM_128_HMAC_SHA1_32, KEY.masterKey(), KEY.masterSalt());
        byte[] packet = room(PLAIN);
        assertThat(new SrtcpStream(shortTag).protect(packet, PLAIN.length)).isEqualTo(PLAIN.length + 4 + 10);
    }

    @Test
    void aReplayATamperedPacketAnotherKeysAndPlainRtcpAreRefused() {
        SrtcpStream receiver = new SrtcpStream(KEY);
        assertThat(receiver.unprotect(PROTECTED.clone(), PROTECTED.length)).isEqualTo(PLAIN.length);
        assertThat(receiver.unprotect(PROTECTED.clone(), PROTECTED.length)).as("a replay").isEqualTo(-1);

        byte[] tampered = PROTECTED.clone();
        tampered[10] ^= 1;
        assertThat(new SrtcpStream(KEY).unprotect(tampered, tampered.length)).isEqualTo(-1);

        SrtpKey other = SrtpKey.random(SrtpKey.Suite.AES_CM_128_HMAC_SHA1_80);
        assertThat(new SrtcpStream(other).unprotect(PROTECTED.clone(), PROTECTED.length)).isEqualTo(-1);
        assertThat(new SrtcpStream(KEY).unprotect(PLAIN.clone(), PLAIN.length)).as("plain RTCP").isEqualTo(-1);
        assertThat(new SrtcpStream(KEY).unprotect(new byte[12], 12)).as("too short").isEqualTo(-1);
    }

    private static byte[] room(byte[] plain) {
        return Arrays.copyOf(plain, plain.length + SrtcpStream.OVERHEAD);
    }
}
