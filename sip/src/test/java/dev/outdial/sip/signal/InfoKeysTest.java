package dev.outdial.sip.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import javax.sip.SipFactory;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;

class InfoKeysTest {

    private static Request info(String contentType, String body) throws Exception {
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        String message = "INFO sip:outdial@127.0.0.1:5060 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5080;branch=z9hG4bK-info\r\n"
                + "From: <sip:caller@127.0.0.1:5080>;tag=a\r\n"
                + "To: <sip:outdial@127.0.0.1:5060>;tag=b\r\n"
                + "Call-ID: info-test\r\n"
                + "CSeq: 2 INFO\r\n"
                + "Max-Forwards: 70\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
        return factory.createMessageFactory().createRequest(message);
    }

    @Test
    void aDtmfRelayBodyGivesItsSignal() throws Exception {
        assertThat(InfoKeys.of(info("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n"))).contains('5');
        assertThat(InfoKeys.of(info("application/dtmf-relay", "Signal= #\r\nDuration=100\r\n"))).contains('#');
        assertThat(InfoKeys.of(info("Application/DTMF-Relay", "signal=a\r\n"))).contains('A');
    }

    @Test
    void aKeyGivenAsItsEventCodeIsThatKey() throws Exception {
        assertThat(InfoKeys.of(info("application/dtmf-relay", "Signal=10\r\nDuration=160\r\n"))).contains('*');
        assertThat(InfoKeys.of(info("application/dtmf", "11"))).contains('#');
        assertThat(InfoKeys.of(info("application/dtmf", "15"))).contains('D');
    }

    @Test
    void aDtmfBodyIsTheKeyAlone() throws Exception {
        assertThat(InfoKeys.of(info("application/dtmf", "7\r\n"))).contains('7');
    }

    @Test
    void anInfoWithoutAKeyGivesNone() throws Exception {
        assertThat(InfoKeys.of(info(null, ""))).isEmpty();
        assertThat(InfoKeys.of(info("application/dtmf-relay", "Duration=160\r\n"))).isEmpty();
        assertThat(InfoKeys.of(info("application/dtmf-relay", "Signal=16\r\n"))).isEmpty();
        assertThat(InfoKeys.of(info("application/dtmf", "55"))).isEmpty();
        assertThat(InfoKeys.of(info("application/media_control+xml", "<media_control/>"))).isEmpty();
        assertThat(InfoKeys.of(info("text/plain", "5"))).isEqualTo(Optional.empty());
    }
}
