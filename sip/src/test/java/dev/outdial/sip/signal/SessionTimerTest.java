package dev.outdial.sip.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import javax.sip.SipFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;

/** What Outdial answers about session timers when called, and which extensions it calls with when a trunk asks. */
class SessionTimerTest {

    private final SipFactory factory = sipFactory();
    private final MessageFactory messages = messages(factory);
    private final HeaderFactory headers = headers(factory);

    @Test
    void aCallerThatSupportsSessionTimersKeepsRefreshingWithTheIntervalItAsked() throws Exception {
        Response ok = okTo(invite("Supported: timer\r\nSession-Expires: 1800\r\n"));

        assertThat(ok.getHeader("Session-Expires").toString().trim()).isEqualTo("Session-Expires: 1800;refresher=uac");
        assertThat(Extensions.required(ok)).containsExactly("timer");
        assertThat(okTo(invite("Require: timer\r\nSession-Expires: 90;refresher=uac\r\n")).getHeader("Session-Expires")
                .toString().trim()).as("requiring it says it supports it").isEqualTo("Session-Expires: 90;refresher=uac");
    }

    @Test
    void aCallerThatAsksOutdialToRefreshIsToldItWill() throws Exception {
        Request invite = invite("Supported: timer\r\nSession-Expires: 1800;refresher=uas\r\n");
        Response ok = okTo(invite);

        assertThat(ok.getHeader("Session-Expires").toString().trim()).isEqualTo("Session-Expires: 1800;refresher=uas");
        assertThat(Extensions.required(ok)).containsExactly("timer");
        assertThat(SessionTimer.Agreement.askedIn(invite)).contains(new SessionTimer.Agreement(1800, true));
        assertThat(SessionTimer.Agreement.askedIn(invite("Supported: timer\r\nSession-Expires: 1800\r\n")))
                .as("the caller refreshes where it names nobody").contains(new SessionTimer.Agreement(1800, false));
    }

    @Test
    void theCalledSidesAnswerSaysWhoRefreshesAndOneThatDoesNotSayIsNotTrustedToRefresh() throws Exception {
        assertThat(SessionTimer.Agreement.answeredIn(okWith("Session-Expires: 1800;refresher=uac")))
                .contains(new SessionTimer.Agreement(1800, true));
        assertThat(SessionTimer.Agreement.answeredIn(okWith("Session-Expires: 90;refresher=uas")))
                .contains(new SessionTimer.Agreement(90, false));
        assertThat(SessionTimer.Agreement.answeredIn(okWith("Session-Expires: 1800"))).isEmpty();
        assertThat(SessionTimer.Agreement.answeredIn(okWith("Session-Expires: 1800;refresher=nobody"))).isEmpty();
        assertThat(SessionTimer.Agreement.answeredIn(okWith("Content-Type: application/sdp"))).isEmpty();
    }

    private Response okWith(String header) throws Exception {
        Response ok = messages.createResponse(Response.OK, invite(""));
        ok.addHeader(headers.createHeader(header.substring(0, header.indexOf(':')),
                header.substring(header.indexOf(':') + 1).trim()));
        return ok;
    }

    @Test
    void noTimerIsKeptWhereTheCallerDoesNotSupportIt() throws Exception {
        for (String asked : List.of("Session-Expires: 1800\r\n", "Session-Expires: 1800;refresher=uas\r\n",
                "Supported: timer\r\n", "")) {
            Response ok = okTo(invite(asked));

            assertThat(ok.getHeader("Session-Expires")).as(asked).isNull();
            assertThat(Extensions.required(ok)).as(asked).isEmpty();
        }
    }

    @Test
    void aTrunksRefusalIsAnsweredWithTheExtensionsOutdialCanDoEachAskedOnce() {
        assertThat(Extensions.toAskFor(List.of("timer"), Set.of())).containsExactly("timer");
        assertThat(Extensions.toAskFor(List.of("100rel", "timer"), Set.of("100rel"))).containsExactly("timer");
        assertThat(Extensions.toAskFor(List.of("100rel", "timer"), Set.of("100rel", "timer"))).as("asked already")
                .isEmpty();
        assertThat(Extensions.toAskFor(List.of("timer", "replaces"), Set.of())).as("one it cannot do").isEmpty();
        assertThat(Extensions.toAskFor(List.of(), Set.of())).as("a 421 naming nothing").isEmpty();
    }

    @Test
    void calledOutdialRefusesEveryRequiredExtensionButSessionTimers() {
        assertThat(Extensions.unsupportedWhenCalled(List.of("100rel", "timer", "replaces")))
                .containsExactly("100rel", "replaces");
        assertThat(Extensions.unsupportedWhenCalled(List.of("timer"))).isEmpty();
    }

    private Response okTo(Request invite) throws Exception {
        Response ok = messages.createResponse(Response.OK, invite);
        SessionTimer.Agreement.askedIn(invite).ifPresent(agreement -> agreement.keptIn(ok, headers));
        return ok;
    }

    private Request invite(String more) throws Exception {
        return messages.createRequest("INVITE sip:+842873000001@127.0.0.1:5060 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5080;branch=z9hG4bK-timer\r\n"
                + "From: <sip:caller@127.0.0.1:5080>;tag=a\r\n"
                + "To: <sip:+842873000001@127.0.0.1:5060>\r\n"
                + "Call-ID: timer-test\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Max-Forwards: 70\r\n"
                + more
                + "Content-Length: 0\r\n\r\n");
    }

    private static SipFactory sipFactory() {
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        return factory;
    }

    private static MessageFactory messages(SipFactory factory) {
        try {
            return factory.createMessageFactory();
        } catch (javax.sip.PeerUnavailableException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HeaderFactory headers(SipFactory factory) {
        try {
            return factory.createHeaderFactory();
        } catch (javax.sip.PeerUnavailableException e) {
            throw new IllegalStateException(e);
        }
    }
}
