package dev.outdial.sip.signal;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.message.SIPMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import javax.sip.SipFactory;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;

class DialogMediaTest {

    private static final String BEHIND_NAT = "v=0\r\no=- 1 1 IN IP4 192.168.1.20\r\ns=-\r\nc=IN IP4 192.168.1.20\r\n"
            + "t=0 0\r\nm=audio 4000 RTP/AVP 0\r\n";

    @Test
    void aMessagesMediaIsReachedFromWhereTheMessageCame() throws Exception {
        Request invite = SipFactory.getInstance().createMessageFactory().createRequest(
                "INVITE sip:+842873000001@198.51.100.1:5060 SIP/2.0\r\n"
                        + "Via: SIP/2.0/UDP 192.168.1.20:5060;branch=z9hG4bK-nat\r\n"
                        + "From: <sip:agent@198.51.100.1>;tag=a\r\n"
                        + "To: <sip:+842873000001@198.51.100.1>\r\n"
                        + "Call-ID: nat-test\r\n"
                        + "CSeq: 1 INVITE\r\n"
                        + "Max-Forwards: 70\r\n"
                        + "Content-Type: application/sdp\r\n"
                        + "Content-Length: " + BEHIND_NAT.length() + "\r\n\r\n" + BEHIND_NAT);

        assertThat(DialogMedia.usable(invite, false).orElseThrow().address()).as("made here: as its SDP says")
                .isEqualTo(new InetSocketAddress("192.168.1.20", 4000));

        ((SIPMessage) invite).setRemoteAddress(InetAddress.ofLiteral("203.0.113.5")); // as the stack does on receipt
        assertThat(DialogMedia.usable(invite, false).orElseThrow().address())
                .isEqualTo(new InetSocketAddress("203.0.113.5", 4000));
    }
}
