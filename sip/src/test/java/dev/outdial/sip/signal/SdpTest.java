package dev.outdial.sip.signal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.sip.media.Codec;
import dev.outdial.sip.media.SrtpKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SdpTest {

    @Test
    void ourOfferNamesBothG711CodecsAndTelephoneEvents() {
        String offer = Sdp.offer("192.0.2.10", 30000, 1, Optional.empty());

        assertThat(offer).contains("c=IN IP4 192.0.2.10\r\n", "m=audio 30000 RTP/AVP 0 8 101\r\n",
                "a=rtpmap:101 telephone-event/8000\r\n");
        assertThat(Sdp.parse(offer)).hasValueSatisfying(media -> {
            assertThat(media.address()).isEqualTo(new InetSocketAddress("192.0.2.10", 30000));
            assertThat(media.codec()).isEqualTo(Codec.PCMU);
            assertThat(media.telephoneEventType()).isEqualTo(101);
        });
    }

    @Test
    void readsTheFarEndsChoiceItsMediaAddressAndItsEventType() {
        String answer = "v=0\r\no=- 1 1 IN IP4 198.51.100.1\r\ns=-\r\nc=IN IP4 198.51.100.1\r\nt=0 0\r\n"
                + "m=audio 40002 RTP/AVP 8 96\r\nc=IN IP4 198.51.100.7\r\na=rtpmap:8 PCMA/8000\r\n"
                + "a=rtpmap:96 telephone-event/8000\r\n";

        assertThat(Sdp.parse(answer)).hasValueSatisfying(media -> {
            assertThat(media.address()).isEqualTo(new InetSocketAddress("198.51.100.7", 40002));
            assertThat(media.codec()).isEqualTo(Codec.PCMA);
            assertThat(media.telephoneEventType()).isEqualTo(96);
        });
    }

    @Test
    void audioWeCannotSpeakOrARejectedStreamIsNoMedia() {
        assertThat(Sdp.parse("v=0\r\nc=IN IP4 198.51.100.1\r\nm=audio 4000 RTP/AVP 18\r\na=rtpmap:18 G729/8000\r\n")).isEmpty();
        assertThat(Sdp.parse("v=0\r\nc=IN IP4 198.51.100.1\r\nm=audio 0 RTP/AVP 0\r\n")).isEmpty();
        assertThat(Sdp.parse("")).isEmpty();
    }

    @Test
    void whereTheFarEndTakesRtcpIsReadFromItsRtcpAttributeElseLeftToThePortAfterRtps() {
        String media = "v=0\r\nc=IN IP4 198.51.100.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n";
        assertThat(Sdp.parse(media).orElseThrow().control()).isEmpty();
        assertThat(Sdp.parse(media + "a=rtcp:4011\r\n").orElseThrow().control())
                .contains(new InetSocketAddress("198.51.100.1", 4011));
        assertThat(Sdp.parse(media + "a=rtcp:53020 IN IP4 203.0.113.9\r\n").orElseThrow().control())
                .contains(new InetSocketAddress("203.0.113.9", 53020));
        assertThat(Sdp.parse(media + "a=rtcp:none\r\n").orElseThrow().control()).as("unreadable").isEmpty();
        assertThat(Sdp.parse("v=0\r\nc=IN IP4 198.51.100.1\r\na=rtcp:9\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n")
                .orElseThrow().control()).as("a session's attribute, not the audio's").isEmpty();
    }

    @Test
    void anInternalMediaAddressOfAFarEndSignallingFromTheInternetIsReachedWhereItsSignallingCameFrom() {
        String behindNat = "v=0\r\nc=IN IP4 192.168.1.20\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n"
                + "a=rtcp:4001 IN IP4 10.0.0.3\r\n";
        InetAddress home = InetAddress.ofLiteral("203.0.113.5");

        Sdp.RemoteMedia reached = Sdp.parse(behindNat).orElseThrow().reachedFrom(home);

        assertThat(reached.address()).isEqualTo(new InetSocketAddress(home, 4000));
        assertThat(reached.control()).contains(new InetSocketAddress(home, 4001));
        assertThat(Sdp.parse(behindNat.replace("192.168.1.20", "127.0.0.1")).orElseThrow().reachedFrom(home).address())
                .as("never this host").isEqualTo(new InetSocketAddress(home, 4000));
    }

    @Test
    void aFarEndOnAnInternalNetworkOrNamingAPublicAddressIsTakenAtItsWord() {
        String lan = "v=0\r\nc=IN IP4 192.168.1.20\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n";
        Sdp.RemoteMedia office = Sdp.parse(lan).orElseThrow();
        assertThat(office.reachedFrom(InetAddress.ofLiteral("192.168.1.1"))).isEqualTo(office);

        Sdp.RemoteMedia gateway = Sdp.parse(lan.replace("192.168.1.20", "198.51.100.7")).orElseThrow();
        assertThat(gateway.reachedFrom(InetAddress.ofLiteral("203.0.113.5"))).isEqualTo(gateway);

        Sdp.RemoteMedia held = Sdp.parse(lan.replace("192.168.1.20", "0.0.0.0")).orElseThrow();
        assertThat(held.reachedFrom(InetAddress.ofLiteral("203.0.113.5")).address().getAddress().isAnyLocalAddress())
                .as("an old-style hold stays one").isTrue();
    }

    @Test
    void theAnswerKeepsTheOfferersCodecAndEventType() {
        Sdp.RemoteMedia offered = new Sdp.RemoteMedia(new InetSocketAddress("198.51.100.1", 4000), Codec.PCMA, 96,
                Sdp.Direction.SENDRECV, Optional.empty(), Optional.empty());

        String answer = Sdp.answer("192.0.2.10", 30002, 2, offered, Optional.empty());

        assertThat(answer).contains("m=audio 30002 RTP/AVP 8 96\r\n", "a=rtpmap:96 telephone-event/8000\r\n",
                "a=sendrecv\r\n");
    }

    @Test
    void aPhonePuttingTheCallOnHoldIsReadAsHoldingAndAnsweredWithTheMatchingDirection() {
        String sendOnly = "v=0\r\nc=IN IP4 198.51.100.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=sendonly\r\n";
        String inactiveSession = "v=0\r\nc=IN IP4 198.51.100.1\r\na=inactive\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n";
        String oldStyle = "v=0\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n";
        String takenOff = "v=0\r\nc=IN IP4 198.51.100.1\r\na=inactive\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n"
                + "a=sendrecv\r\n";
        String listening = "v=0\r\nc=IN IP4 198.51.100.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=recvonly\r\n";

        assertThat(Sdp.parse(sendOnly).orElseThrow().direction()).isEqualTo(Sdp.Direction.SENDONLY);
        assertThat(Sdp.parse(inactiveSession).orElseThrow().direction()).as("the session's, the stream having none")
                .isEqualTo(Sdp.Direction.INACTIVE);
        assertThat(Sdp.parse(oldStyle).orElseThrow().direction()).isEqualTo(Sdp.Direction.SENDONLY);
        assertThat(Sdp.parse(takenOff).orElseThrow().direction()).as("the stream's own first")
                .isEqualTo(Sdp.Direction.SENDRECV);
        assertThat(Sdp.parse(sendOnly).orElseThrow().holds()).isTrue();
        assertThat(Sdp.parse(inactiveSession).orElseThrow().holds()).isTrue();
        assertThat(Sdp.parse(oldStyle).orElseThrow().holds()).isTrue();
        assertThat(Sdp.parse(takenOff).orElseThrow().holds()).isFalse();
        assertThat(Sdp.parse(listening).orElseThrow().holds()).isFalse();

        assertThat(answered(Sdp.parse(sendOnly).orElseThrow())).contains("a=recvonly\r\n");
        assertThat(answered(Sdp.parse(inactiveSession).orElseThrow()))
                .contains("a=inactive\r\n");
        assertThat(answered(Sdp.parse(listening).orElseThrow())).contains("a=sendonly\r\n");
        assertThat(answered(Sdp.parse(takenOff).orElseThrow())).contains("a=sendrecv\r\n");
    }

    private static String answered(Sdp.RemoteMedia offered) {
        return Sdp.answer("192.0.2.10", 30002, 2, offered, Optional.empty());
    }

    private static final String SRTP_OFFER = "v=0\r\no=- 1 1 IN IP4 198.51.100.7\r\ns=-\r\nc=IN IP4 198.51.100.7\r\n"
            + "t=0 0\r\nm=audio 7078 RTP/SAVP 8 101\r\n"
            + "a=crypto:3 AES_256_CM_HMAC_SHA1_80 inline:"
            + "d0RmdmcmVCspeEc3QGZiNWpVLFJhQX1cfHAwJSoj|2^31\r\n"
            + "a=crypto:5 AES_CM_128_HMAC_SHA1_32 inline:4fl6DT4Bi+DWT6MsBt5BOQ7Gda1Jiv7rtpYLOqvm|2^31\r\n"
            + "a=crypto:7 AES_CM_128_HMAC_SHA1_80 inline:4fl6DT4Bi+DWT6MsBt5BOQ7Gda1Jiv7rtpYLOqvm\r\n"
            + "a=rtpmap:101 telephone-event/8000\r\n";

    @Test
    void anSrtpOfferIsReadForTheFirstKeyOfASuiteOutdialSpeaksAndAnsweredInKindUnderItsTag() {
        Sdp.RemoteMedia offered = Sdp.parse(SRTP_OFFER).orElseThrow();
        SrtpKey ours = SrtpKey.random(SrtpKey.Suite.AES_CM_128_HMAC_SHA1_32);

        String answer = Sdp.answer("192.0.2.10", 30002, 2, offered, Optional.of(ours));

        assertThat(offered.crypto()).hasValueSatisfying(crypto -> {
            assertThat(crypto.tag()).isEqualTo("5");
            assertThat(crypto.key().suite()).isEqualTo(SrtpKey.Suite.AES_CM_128_HMAC_SHA1_32);
        });
        assertThat(answer).contains("m=audio 30002 RTP/SAVP 8 101\r\n")
                .contains("a=crypto:5 " + ours.attribute() + "\r\n");
    }

    @Test
    void anSrtpStreamWithNoKeyOutdialCanUseIsNoUsableAudio() {
        String only256 = SRTP_OFFER.replaceAll("a=crypto:[57].*\r\n", "");
        String withSessionParameters = SRTP_OFFER.replaceAll("a=crypto:[35].*\r\n", "")
                .replace("LOqvm\r\n", "LOqvm UNENCRYPTED_SRTP\r\n");

        assertThat(Sdp.parse(only256)).isEmpty();
        assertThat(Sdp.parse(withSessionParameters)).isEmpty();
        assertThat(Sdp.parse(SRTP_OFFER.replace("RTP/SAVP", "RTP/AVP")))
                .as("keys in a plain RTP stream are not SRTP").hasValueSatisfying(plain ->
                        assertThat(plain.crypto()).isEmpty());
    }

    @Test
    void ourOfferIsSrtpAloneWithOurKeyOrPlainRtp() {
        SrtpKey ours = SrtpKey.random(SrtpKey.Suite.AES_CM_128_HMAC_SHA1_80);

        String encrypted = Sdp.offer("192.0.2.10", 30000, 1, Optional.of(ours));

        assertThat(encrypted).contains("m=audio 30000 RTP/SAVP 0 8 101\r\n")
                .contains("a=crypto:1 " + ours.attribute() + "\r\n");
        assertThat(Sdp.offer("192.0.2.10", 30000, 1, Optional.empty())).contains("RTP/AVP").doesNotContain("crypto");
        assertThat(Sdp.parse(encrypted).orElseThrow().crypto().orElseThrow().key()).isEqualTo(ours);
    }
}
