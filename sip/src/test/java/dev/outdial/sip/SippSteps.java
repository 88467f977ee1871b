package dev.outdial.sip;

import java.util.HashMap;
import java.util.Map;

/** Steps the SIPp scenarios share, filled into their {@code @AFTER_ANSWER@} and like placeholders. */
final class SippSteps {

    private SippSteps() {
    }

    /**
     * The replacements of {@code carrier-answers.xml}: the test's, and where it names none the number dialed at the
     * trunk's own address and the caller ID the tests' calls have (as regular expressions), and an answer with RFC 4733
     * events from SIPp's own Contact, without Record-Route.
     */
    static Map<String, String> carrierAnswering(Map<String, String> replace) {
        Map<String, String> all = new HashMap<>(Map.of("DIALED", "\\+4930555123", "CALLER", "\\+4930999000",
                "PAYLOAD_TYPES", "8 101", "EVENTS_MAP", "\na=rtpmap:101 telephone-event/8000",
                "ANSWER_CONTACT", "Contact: <sip:carrier@[local_ip]:[local_port]>", "TRUNK", "127\\.0\\.0\\.1:[0-9]+",
                "OFFER", "m=audio [0-9]+ RTP/AVP 0 8 101", "PROFILE", "RTP/AVP"));
        all.putAll(replace);
        return all;
    }

    /** What {@link #carrierAnswering} is told for an answer without RFC 4733 events: keys only as tones. */
    static final Map<String, String> WITHOUT_EVENTS = Map.of("PAYLOAD_TYPES", "8", "EVENTS_MAP", "");

    /**
     * The far end ({@code user} at SIPp) hangs up the answered call: BYE to Outdial's contact, To
     * Outdial's From as the scenario captured it in {@code $outdial}.
     */
    static String farEndHangsUp(String user) {
        return farEndHangsUpGiving(user, "");
    }

    /** As {@link #farEndHangsUp}, the BYE giving {@code reason} as its Reason header (RFC 3326): "Q.850;cause=41". */
    static String farEndHangsUpGiving(String user, String reason) {
        return """
                  <send retrans="500"><![CDATA[
                BYE [next_url] SIP/2.0
                Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                From: <sip:%s@[local_ip]:[local_port]>;tag=[pid]SIPpTag01[call_number]
                To:[$outdial]
                [last_Call-ID:]
                CSeq: 10 BYE
                Max-Forwards: 70
                %sContent-Length: 0

                ]]></send>
                  <recv response="200" crlf="true"/>
                """.formatted(user, reason.isEmpty() ? "" : "Reason: " + reason + "\n");
    }

    /**
     * The far end ({@code user} at SIPp, reached at {@code contact}) offers its media again with the stream's
     * direction set to {@code direction} (a phone's hold: {@code sendonly}; taking it off: {@code sendrecv}) and checks
     * that Outdial's answer says {@code answered}; then acknowledges it. {@code cseq} must grow from one to the next.
     */
    static String reOffers(String user, String contact, int cseq, String direction, String answered) {
        return """
                  <send retrans="500"><![CDATA[
                INVITE [next_url] SIP/2.0
                Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                From: <sip:%1$s@[local_ip]:[local_port]>;tag=[pid]SIPpTag01[call_number]
                To:[$outdial]
                [last_Call-ID:]
                CSeq: %3$d INVITE
                Contact: %2$s
                Max-Forwards: 70
                Content-Type: application/sdp
                Content-Length: [len]

                v=0
                o=phone 1 %3$d IN IP[local_ip_type] [local_ip]
                s=-
                c=IN IP[media_ip_type] [media_ip]
                t=0 0
                m=audio [media_port] RTP/AVP 0 101
                a=rtpmap:0 PCMU/8000
                a=rtpmap:101 telephone-event/8000
                a=%4$s

                ]]></send>
                  <recv response="100" optional="true"/>
                  <recv response="200">
                    <action>
                      <ereg regexp="a=%5$s" search_in="body" check_it="true" assign_to="answered%3$d"/>
                    </action>
                  </recv>
                  <Reference variables="answered%3$d"/>
                  <send><![CDATA[
                ACK [next_url] SIP/2.0
                Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                From: <sip:%1$s@[local_ip]:[local_port]>;tag=[pid]SIPpTag01[call_number]
                To:[$outdial]
                [last_Call-ID:]
                CSeq: %3$d ACK
                Contact: %2$s
                Max-Forwards: 70
                Content-Length: 0

                ]]></send>
                """.formatted(user, contact, cseq, direction, answered);
    }

    /** Outdial hangs up the answered call: SIPp waits for its BYE and confirms it. */
    static final String OUTDIAL_HANGS_UP = """
              <recv request="BYE"/>
            """ + ok();

    /**
     * Outdial hangs up through the proxy that recorded its route (SIPp): its BYE reaches SIPp, with the route in a
     * Route header and the far end's Contact, {@code user} at 127.0.0.1:9, as its Request-URI; answered 200.
     */
    static String outdialHangsUpThroughTheRoute(String user) {
        return """
                  <recv request="BYE">
                    <action>
                      <ereg regexp="^BYE sip:%s@127\\.0\\.0\\.1:9 SIP/2\\.0" search_in="msg" check_it="true"
                            assign_to="target"/>
                      <ereg regexp="Route: .sip:127\\.0\\.0\\.1:[0-9]+;lr." search_in="msg" check_it="true"
                            assign_to="route"/>
                    </action>
                  </recv>
                  <Reference variables="target,route"/>
                """.formatted(user) + ok();
    }

    /**
     * The far end ({@code user} at SIPp) takes Outdial's refresh of the session (the re-INVITE it received last),
     * Outdial refreshing it again within {@code seconds}; then waits for the ACK.
     */
    static String refreshTaken(String user, int seconds) {
        return """
                  <send retrans="500"><![CDATA[
                SIP/2.0 200 OK
                [last_Via:]
                [last_From:]
                [last_To:]
                [last_Call-ID:]
                [last_CSeq:]
                Contact: <sip:%s@[local_ip]:[local_port]>
                Require: timer
                Session-Expires: %2$d;refresher=uac
                Content-Type: application/sdp
                Content-Length: [len]

                v=0
                o=%1$s 1 2 IN IP[local_ip_type] [local_ip]
                s=-
                c=IN IP[media_ip_type] [media_ip]
                t=0 0
                m=audio [media_port] RTP/AVP 8
                a=rtpmap:8 PCMA/8000
                ]]></send>
                  <recv request="ACK"/>
                """.formatted(user, seconds);
    }

    /** The called side's 180 Ringing to the INVITE SIPp received last, without early media. */
    static final String RINGS = """
              <send><![CDATA[
            SIP/2.0 180 Ringing
            [last_Via:]
            [last_From:]
            [last_To:];tag=[pid]SIPpTag01[call_number]
            [last_Call-ID:]
            [last_CSeq:]
            Content-Length: 0

            ]]></send>
            """;

    /** 200 OK to the request SIPp received last. */
    static String ok() {
        return answer("200 OK");
    }

    /** {@code status} (code and reason) to the request SIPp received last, in its dialog, without a body. */
    static String answer(String status) {
        return """
                  <send><![CDATA[
                SIP/2.0 %s
                [last_Via:]
                [last_From:]
                [last_To:]
                [last_Call-ID:]
                [last_CSeq:]
                Content-Length: 0

                ]]></send>
                """.formatted(status);
    }
}
