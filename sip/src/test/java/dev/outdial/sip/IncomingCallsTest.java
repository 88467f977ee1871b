package dev.outdial.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.port.CallEvent;
import dev.outdial.engine.port.CallEvent.HungUp.Cause;
import dev.outdial.engine.port.CallId;
import dev.outdial.sip.media.MediaLeg;
import dev.outdial.sip.media.SrtpKey;
import dev.outdial.sip.signal.MediaPorts;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Calls the trunk brings in: SIPp, as the carrier, calls Outdial's SIP port from the trunk's address with a caller
 * who dialed a number; the test plays the application that routes them.
 */
@Tag("slow") // Calls against SIPp: left out of the fast suite.
class IncomingCallsTest {

    private static final Path PCAPS = Path.of("/usr/share/sip-tester");
    private static final String DIALED = "+4930555000";
    private static final String CALLER = "+4930111222";

    /** Outdial's 100 Trying, sent to every INVITE from the trunk before the application is asked. */
    private static final String TRYING = """
              <recv response="100"/>
            """;

    /** The carrier's ACK, to Outdial in the dialog its 200 made (the To tag kept in $outdial). */
    private static final String ACK_SENT = """
              <send><![CDATA[
            ACK sip:outdial@[remote_ip]:[remote_port] SIP/2.0
            Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
            From: <sip:caller@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
            To:[$outdial]
            Call-ID: [call_id]
            CSeq: 1 ACK
            Max-Forwards: 70
            Content-Length: 0

            ]]></send>
            """;

    /** The carrier's ACK of Outdial's 2xx, in the dialog the 200 made (its To tag). */
    private static final String ACK = acknowledged(Map.of());

    /** {@link #ACK}, once Outdial's 200 matched each of {@code checks} (a variable's name → what it must match). */
    private static String acknowledged(Map<String, String> checks) {
        return TRYING + """
                  <recv response="200">
                    <action>
                      <ereg regexp=".*" search_in="hdr" header="To:" check_it="true" assign_to="outdial"/>
                %s    </action>
                  </recv>
                  <Reference variables="%s"/>
                """.formatted(matching(checks), String.join(",", concat(checks.keySet().toArray(String[]::new),
                "outdial"))) + ACK_SENT;
    }

    /** The SIPp actions that check a message against each of {@code checks}, failing the scenario where one fails. */
    private static String matching(Map<String, String> checks) {
        StringBuilder actions = new StringBuilder();
        checks.forEach((name, regexp) -> actions.append("      <ereg regexp=\"").append(regexp)
                .append("\" search_in=\"msg\" check_it=\"true\" assign_to=\"").append(name).append("\"/>\n"));
        return actions.toString();
    }

    private Path workDir;
    private final int ourPort = Ports.free();
    private final int trunkPort = Ports.free();
    private final List<Sipp> sipps = new CopyOnWriteArrayList<>();
    private final BlockingQueue<IncomingCall> offered = new LinkedBlockingQueue<>();
    private RecordingMedia media;
    private SipTelephony telephony;

    @BeforeEach
    void start(TestInfo test) {
        Sipp.requireSipp();
        workDir = Sipp.workDir(test);
        media = new RecordingMedia();
        telephony = new SipTelephony(TestSip.settings(ourPort, trunkPort), TestSip.PHONES, uri -> Optional.empty(),
                ignored -> media, TestSip.T1);
        telephony.start();
        telephony.receiveCalls(offered::add);
    }

    @AfterEach
    void stop() {
        if (telephony != null) {
            telephony.close();
        }
        sipps.forEach(Sipp::close);
    }

    private Sipp trunkCalls(String then, String... extra) {
        return trunkCallsTo(DIALED + "@", then, extra);
    }

    /** {@code target}: the Request-URI's user and its "@", or nothing for a call to Outdial's address alone. */
    private Sipp trunkCallsTo(String target, String then, String... extra) {
        return trunkCallsWith(target, "", then, extra);
    }

    /** {@code headers}: more of the INVITE's headers, each after a line break. */
    private Sipp trunkCallsWith(String target, String headers, String then, String... extra) {
        return trunkCallsReachedAt("Contact: <sip:trunk@[local_ip]:[local_port]>", target, headers, then, extra);
    }

    /** {@code contact}: the INVITE's Contact header, where the caller is reached within the call. */
    private Sipp trunkCallsReachedAt(String contact, String target, String headers, String then, String... extra) {
        return trunkCallsOffering(PLAIN_RTP, contact, target, headers, then, extra);
    }

    /** {@code offer}: the offer's profile ({@code PROFILE}) and any more lines of its SDP ({@code SDP_MORE}). */
    private Sipp trunkCallsOffering(Map<String, String> offer, String contact, String target, String headers,
                                    String then, String... extra) {
        Map<String, String> replace = new HashMap<>(offer);
        replace.putAll(Map.of("TARGET", target, "DIALED", DIALED, "CALLER", CALLER, "CONTACT", contact,
                "HEADERS", headers, "THEN", then));
        Sipp trunk = Sipp.call("trunk-calls-in.xml", "127.0.0.1:" + ourPort, trunkPort, replace, workDir,
                concat(extra, "-mp", String.valueOf(Ports.media())));
        sipps.add(trunk);
        return trunk;
    }

    private static final Map<String, String> PLAIN_RTP = Map.of("PROFILE", "RTP/AVP", "SDP_MORE", "");

    /** An SRTP offer with a key of a suite Outdial does not speak first, then one it does under the tag 7. */
    private static Map<String, String> srtpOffer() {
        return Map.of("PROFILE", "RTP/SAVP", "SDP_MORE",
                "\na=crypto:3 AES_256_CM_HMAC_SHA1_80 inline:d0RmdmcmVCspeEc3QGZiNWpVLFJhQX1cfHAwJSoj"
                + "\na=crypto:7 " + SrtpKey.random(SrtpKey.Suite.AES_CM_128_HMAC_SHA1_80).attribute());
    }

    @Test
    void aCallerOfferingSrtpIsAnsweredInSrtpWithOutdialsOwnKeyUnderTheTagOfTheKeyItTook() {
        Sipp trunk = trunkCallsOffering(srtpOffer(), "Contact: <sip:trunk@[local_ip]:[local_port]>", DIALED + "@", "",
                acknowledged(Map.of("profile", "m=audio [0-9]+ RTP/SAVP 8 101",
                        "key", "a=crypto:7 AES_CM_128_HMAC_SHA1_80 inline:[A-Za-z0-9+/]{40}")) + callerHangsUp(2));

        CallEvents events = new CallEvents();
        CallId leg = nextOffered().accept(events);

        assertThat(events.next(CallEvent.HungUp.class)).isEqualTo(new CallEvent.HungUp(leg, Cause.FAR_END));
        trunk.assertPassed();
    }

    @Test
    void aCarrierRequiredToUseSrtpIsRefusedACallInPlainRtpAndOfferedNone() {
        telephony.close();
        telephony = new SipTelephony(TestSip.settings(ourPort, trunkPort).withSrtp(new SipSettings.Srtp(true, false)),
                TestSip.PHONES, uri -> Optional.empty(), ignored -> media, TestSip.T1);
        telephony.start();
        telephony.receiveCalls(offered::add);
        Sipp trunk = trunkCalls(refusedWith(488, 2));

        trunk.assertPassed();
        assertThat(offered).isEmpty();
    }

    private static String[] concat(String[] extra, String... more) {
        String[] all = new String[extra.length + more.length];
        System.arraycopy(extra, 0, all, 0, extra.length);
        System.arraycopy(more, 0, all, extra.length, more.length);
        return all;
    }

    private IncomingCall nextOffered() {
        try {
            IncomingCall call = offered.poll(20, TimeUnit.SECONDS);
            assertThat(call).as("a call offered").isNotNull();
            return call;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String pressingOneUntilOutdialHangsUp() {
        return """
                  <label id="press"/>
                  <nop><action><exec play_pcap_audio="%s"/></action></nop>
                  <recv request="BYE" timeout="500" ontimeout="press"/>
                """.formatted(PCAPS.resolve("dtmf_2833_1.pcap")) + SippSteps.ok();
    }

    @Test
    void aCallFromTheTrunkIsOfferedAnsweredAndEachKeyOfTheCallerHeard() {
        Sipp trunk = trunkCalls(ACK + pressingOneUntilOutdialHangsUp());

        IncomingCall call = nextOffered();
        assertThat(call.dialedNumber()).isEqualTo(DIALED);
        assertThat(call.callerNumber()).isEqualTo(CALLER);
        CallEvents events = new CallEvents();
        CallId leg = call.accept(events);

        assertThat(events.next(CallEvent.DigitsCollected.class)).isEqualTo(new CallEvent.DigitsCollected(leg, "1"));
        MediaLeg answered = media.legs.getFirst();
        Await.until("Outdial sends the caller its own stream", () -> answered.stats().packetsSent() >= 10);
        telephony.hangUp(leg);
        assertThat(skipKeys(events)).isEqualTo(new CallEvent.HungUp(leg, Cause.PLATFORM));
        trunk.assertPassed();
    }

    /** The caller kept pressing 1 until the BYE: the keys before the terminal event. */
    private static CallEvent skipKeys(CallEvents events) {
        CallEvent event;
        do {
            event = events.next(CallEvent.class);
        } while (event instanceof CallEvent.DigitsCollected);
        return event;
    }

    /**
     * The caller's side sends {@code method} in the call's dialog (after the ACK, which captured Outdial's To tag),
     * with {@code rest}: its last headers and body; then waits for Outdial's 200.
     */
    private static String callerSends(String method, String rest) {
        return callerSends(method, 2, rest, Map.of());
    }

    /** The caller hangs up: its BYE, the {@code cseq}th request of its side, answered 200. */
    private static String callerHangsUp(int cseq) {
        return callerSends("BYE", cseq, "Content-Length: 0\n\n", Map.of());
    }

    /** The caller's {@code method} in the call, answered 200 matching each of {@code checks} (as {@link #acknowledged}). */
    private static String callerSends(String method, int cseq, String rest, Map<String, String> checks) {
        String answered = checks.isEmpty() ? "  <recv response=\"200\"/>\n" : """
                  <recv response="200">
                    <action>
                %s    </action>
                  </recv>
                  <Reference variables="%s"/>
                """.formatted(matching(checks), String.join(",", checks.keySet()));
        return """
                  <send retrans="500"><![CDATA[
                %s sip:outdial@[remote_ip]:[remote_port] SIP/2.0
                Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                From: <sip:caller@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
                To:[$outdial]
                Call-ID: [call_id]
                CSeq: %d %s
                Max-Forwards: 70
                %s]]></send>
                """.formatted(method, cseq, method, rest) + answered;
    }

    @Test
    void aCallerWithSessionTimersRefreshesTheSessionItselfAndAnUpdateWithoutSdpIsAnsweredWithout() {
        // Outdial's 200 keeps the session's interval with the caller as refresher; the refresh (an UPDATE without SDP,
        // requiring timers) is taken and answered with the interval and no SDP, an offer the caller never asked for.
        String kept = "Session-Expires: *1800;refresher=uac";
        Sipp trunk = trunkCallsWith(DIALED + "@", "\nSupported: timer\nSession-Expires: 1800",
                acknowledged(Map.of("kept", kept, "required", "Require: *timer"))
                + callerSends("UPDATE", 2, """
                        Supported: timer
                        Require: timer
                        Session-Expires: 1800;refresher=uac
                        Content-Length: 0

                        """, Map.of("refreshed", kept, "nosdp", "Content-Length: *0"))
                + callerHangsUp(3));
        acceptedUntilTheCallerIsGone(trunk, Cause.FAR_END);
    }

    @Test
    void aCallerThatAsksOutdialToRefreshTheSessionGetsItsRefreshesUntilItTakesTheRefreshingBack() {
        // SIPp checks Outdial's 200 (Outdial refreshes) and its refresh (a re-INVITE offering its SDP, every two
        // seconds), then takes the refreshing back with an UPDATE, after which an INVITE from Outdial would fail it.
        Sipp trunk = trunkCallsWith(DIALED + "@", "\nSupported: timer\nSession-Expires: 4;refresher=uas",
                acknowledged(Map.of("ours", "Session-Expires: *4;refresher=uas", "required", "Require: *timer"))
                + """
                  <recv request="INVITE">
                    <action>
                      <ereg regexp="Session-Expires: *4;refresher=uac" search_in="msg" check_it="true"
                            assign_to="refreshed"/>
                      <ereg regexp="m=audio [0-9]+ RTP/AVP" search_in="body" check_it="true" assign_to="offered"/>
                    </action>
                  </recv>
                  <Reference variables="refreshed,offered"/>
                """ + SippSteps.refreshTaken("caller", 4)
                + callerSends("UPDATE", 2, """
                        Supported: timer
                        Session-Expires: 90;refresher=uac
                        Content-Length: 0

                        """, Map.of("theirs", "Session-Expires: *90;refresher=uac"))
                + "  <pause milliseconds=\"3000\"/>\n"
                + callerHangsUp(3));
        acceptedUntilTheCallerIsGone(trunk, Cause.FAR_END);
    }

    @Test
    void aCallerThatRefreshesTheSessionButStopsIsTakenForLostBeforeItExpires() {
        // the caller refreshes (refresher=uac) every 3 s at the latest, and never does: Outdial hangs up 2 s in
        Sipp trunk = trunkCallsWith(DIALED + "@", "\nSupported: timer\nSession-Expires: 3;refresher=uac",
                acknowledged(Map.of("theirs", "Session-Expires: *3;refresher=uac")) + SippSteps.OUTDIAL_HANGS_UP);
        acceptedUntilTheCallerIsGone(trunk, Cause.LINE_LOST);
    }

    @Test
    void aTrunkThatRecordsItsRouteGetsItBackAndOutdialsByeThroughItWhateverTheCallersContactSays() {
        // An SBC in front of the carrier: its Record-Route names itself (SIPp); the Contact names the caller behind it,
        // whom nothing here reaches (the discard port). Sent there, the BYE would never arrive.
        Sipp trunk = trunkCallsReachedAt("Contact: <sip:caller@127.0.0.1:9>", DIALED + "@",
                "\nRecord-Route: <sip:[local_ip]:[local_port];lr>",
                acknowledged(Map.of("recorded", "Record-Route: .sip:127\\.0\\.0\\.1:[0-9]+;lr."))
                + callerSends("INFO", """
                        Content-Type: application/dtmf-relay
                        Content-Length: [len]

                        Signal=5
                        Duration=160
                        """)
                + SippSteps.outdialHangsUpThroughTheRoute("caller"));
        CallEvents events = new CallEvents();
        CallId leg = nextOffered().accept(events);
        events.next(CallEvent.DigitsCollected.class); // the call is up, its ACK in

        telephony.hangUp(leg);

        assertThat(events.next(CallEvent.HungUp.class).cause()).isEqualTo(Cause.PLATFORM);
        trunk.assertPassed();
    }

    @Test
    void aKeyTheCallerSignalsInAnInfoIsHeardLikeOneInTheMedia() {
        Sipp trunk = trunkCalls(ACK + callerSends("INFO", """
                Content-Type: application/dtmf-relay
                Content-Length: [len]

                Signal=5
                Duration=160
                """) + SippSteps.OUTDIAL_HANGS_UP);
        CallEvents events = new CallEvents();
        CallId leg = nextOffered().accept(events);

        assertThat(events.next(CallEvent.DigitsCollected.class)).isEqualTo(new CallEvent.DigitsCollected(leg, "5"));
        telephony.hangUp(leg);
        trunk.assertPassed();
    }

    /** The call is accepted; its leg then ends on the caller's side, hung up or lost ({@code how}); nothing follows. */
    private void acceptedUntilTheCallerIsGone(Sipp trunk, Cause how) {
        CallEvents events = new CallEvents();
        CallId leg = nextOffered().accept(events);

        assertThat(events.next(CallEvent.HungUp.class)).isEqualTo(new CallEvent.HungUp(leg, how));
        trunk.assertPassed();
        events.assertNoMore();
    }

    @Test
    void aCallRequiringAnExtensionOutdialDoesNotDoIsRefusedNamingItAndNeverOffered() {
        Sipp trunk = Sipp.call("trunk-requires.xml", "127.0.0.1:" + ourPort, trunkPort, Map.of(), workDir,
                "-mp", String.valueOf(Ports.media()));
        sipps.add(trunk);

        trunk.assertPassed();
        assertThat(offered).as("no call reached the application").isEmpty();
    }

    @Test
    void theCallerHangingUpEndsTheLeg() {
        Sipp trunk = trunkCalls(ACK + "  <pause milliseconds=\"200\"/>\n" + callerHangsUp(2));
        acceptedUntilTheCallerIsGone(trunk, Cause.FAR_END);
    }

    @Test
    void aCallerWhoseSideNeverAcknowledgesTheAnswerIsHungUp() {
        // 64 × T1 of the answer's retransmissions (32 s; a second or two at the tests' T1), then Outdial's BYE.
        Sipp trunk = trunkCalls(TRYING + """
                  <recv response="200"/>
                  <recv request="BYE" timeout="15000"/>
                """ + SippSteps.ok());
        acceptedUntilTheCallerIsGone(trunk, Cause.LINE_LOST);
    }

    @Test
    void aNumberNoQueueAnswersIsRefusedAsNotFound() {
        Sipp trunk = trunkCalls(TRYING + refusedWith(404, 3));

        nextOffered().refuse(IncomingCall.Refusal.UNKNOWN_NUMBER);

        trunk.assertPassed();
    }

    @Test
    void aCallWithNoRtpPortLeftIsRefusedAsUnavailableUnoffered() {
        telephony.close();
        telephony = new SipTelephony(TestSip.settings(ourPort, trunkPort), TestSip.PHONES, uri -> Optional.empty(),
                ignored -> new MediaPorts() {
                    @Override
                    public MediaLeg open() throws IOException {
                        throw new IOException("every RTP port is taken");
                    }

                    @Override
                    public void close() {
                    }
                }, TestSip.T1);
        telephony.start();
        telephony.receiveCalls(offered::add);
        Sipp trunk = trunkCalls(refusedWith(503, 2));

        trunk.assertPassed();
        assertThat(offered).isEmpty();
    }

    @Test
    void aCallToOutdialsAddressAloneIsForTheNumberInTo() {
        Sipp trunk = trunkCallsTo("", TRYING + refusedWith(404, 3));

        IncomingCall call = nextOffered();
        assertThat(call.dialedNumber()).isEqualTo(DIALED);
        call.refuse(IncomingCall.Refusal.UNKNOWN_NUMBER);

        trunk.assertPassed();
    }

    @Test
    void withNoRoutingSetEveryCallIsRefusedAsBefore() {
        telephony.receiveCalls(IncomingCalls.NONE);
        Sipp trunk = trunkCalls(refusedWith(403, 2));

        trunk.assertPassed();
    }

    @Test
    void aCarrierGivenAsADomainCallsFromTheTrunksItsSrvRecordsNameAndFromNowhereElse() throws Exception {
        telephony.close();
        media = new RecordingMedia(); // the closed telephony closed its media
        try (FakeDns dns = new FakeDns().srv("_sip._udp.carrier.test", "10 0 " + trunkPort + " 127.0.0.2.")) {
            telephony = new SipTelephony(TestSip.settingsForDomain(ourPort, "carrier.test", Duration.ofHours(1)),
                    TestSip.PHONES, uri -> Optional.empty(), ignored -> media, TestSip.T1);
            telephony.lookUpTrunksWith(new TrunkDns(dns.url(), RandomGenerator.getDefault()), Duration.ofHours(1));
            telephony.start();
            telephony.receiveCalls(offered::add);

            Sipp fromTheTrunk = trunkCalls(ACK + callerHangsUp(2),
                    "-i", "127.0.0.2");
            acceptedUntilTheCallerIsGone(fromTheTrunk, Cause.FAR_END);
            Sipp fromElsewhere = trunkCalls(refusedWith(403, 2));
            fromElsewhere.assertPassed();
            assertThat(offered).as("127.0.0.1 is not the trunk's address").isEmpty();
        }
    }

    @Test
    void aCallFromAnAddressOtherThanTheTrunksIsRefusedUnoffered() {
        // 127.0.0.2 is the loopback interface too, but not the trunk's address.
        Sipp stranger = trunkCalls(refusedWith(403, 2), "-i", "127.0.0.2");

        stranger.assertPassed();
        assertThat(offered).isEmpty();
    }

    @Test
    void aCallFromAnotherOfTheCarriersAddressesIsOffered() {
        telephony.close();
        media = new RecordingMedia();
        // The carrier's calls come from a block of addresses, not only the one Outdial calls through.
        telephony = new SipTelephony(TestSip.settings(ourPort, trunkPort, SipSettings.Transport.UDP, Optional.empty(),
                Optional.empty(), Duration.ofHours(1), List.of(TestSip.LOOPBACK, AddressBlock.parse("127.0.0.0/30"))),
                TestSip.PHONES, uri -> Optional.empty(), ignored -> media, TestSip.T1);
        telephony.start();
        telephony.receiveCalls(offered::add);
        Sipp carrier = trunkCalls(TRYING + refusedWith(404, 3), "-i", "127.0.0.2");

        IncomingCall call = nextOffered();
        call.refuse(IncomingCall.Refusal.UNKNOWN_NUMBER);

        carrier.assertPassed();
    }

    @Test
    void aCallerWhoGivesUpBeforeTheAnswerIsTold487AndALateAcceptFails() {
        Sipp trunk = trunkCalls(TRYING + """
                  <pause milliseconds="300"/>
                  <send><![CDATA[
                CANCEL sip:%s@[remote_ip]:[remote_port] SIP/2.0
                Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch-3]
                From: <sip:caller@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
                To: <sip:%s@[remote_ip]:[remote_port]>
                Call-ID: [call_id]
                CSeq: 1 CANCEL
                Max-Forwards: 70
                Content-Length: 0

                ]]></send>
                  <recv response="200"/>
                """.formatted(DIALED, DIALED) + refusedWith(487, 6));
        IncomingCall call = nextOffered();
        trunk.assertPassed();

        CallEvents events = new CallEvents();
        CallId leg = call.accept(events);

        assertThat(events.next(CallEvent.Failed.class)).isEqualTo(new CallEvent.Failed(leg, CallResult.NOANSWER));
        events.assertNoMore();
    }

    /**
     * The carrier hears {@code status} and ACKs it: for a non-2xx, in the INVITE's transaction, whose branch is that of
     * the scenario's message {@code sinceInvite} steps before the ACK.
     */
    private static String refusedWith(int status, int sinceInvite) {
        return """
                  <recv response="%d"/>
                  <send><![CDATA[
                ACK sip:%s@[remote_ip]:[remote_port] SIP/2.0
                Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch-%d]
                From: <sip:caller@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
                [last_To:]
                Call-ID: [call_id]
                CSeq: 1 ACK
                Max-Forwards: 70
                Content-Length: 0

                ]]></send>
                """.formatted(status, DIALED, sinceInvite);
    }
}
