package dev.outdial.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.port.CallEvent;
import dev.outdial.engine.port.CallEvent.HungUp.Cause;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.MachineDetection;
import dev.outdial.sip.media.Answerer;
import dev.outdial.sip.media.Codec;
import dev.outdial.sip.media.SrtpKey;
import dev.outdial.sip.media.SrtpKeys;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Outdial's calls to customers through a trunk played by SIPp, with media faked: the signalling alone. */
@Tag("slow") // Calls against SIPp: left out of the fast suite.
class TrunkCallsTest {

    private static final String HOTLINE = "+4930999000";
    private static final String CUSTOMER = "+4930555123";
    private static final Duration LONG_RING = Duration.ofSeconds(60);
    /** {@code carrier-fails.xml}'s refusal of a trunk that cannot take the call: 503, nothing before it. */
    private static final Map<String, String> TRUNK_UNAVAILABLE = Map.of("STATUS", "503 Service Unavailable",
            "PROVISIONAL_SEND", "", "PROVISIONAL", "says nothing", "HEADERS", "");

    private Path workDir;
    private final int sippPort = Ports.free();
    private final FakeMedia media = new FakeMedia();
    private final Map<CallId, List<TrunkAnswer>> trunkAnswers = new ConcurrentHashMap<>();
    private SipTelephony telephony;
    private Sipp sipp;

    @BeforeEach
    void sippIsThere(TestInfo test) {
        Sipp.requireSipp();
        workDir = Sipp.workDir(test);
    }

    @AfterEach
    void stop() {
        if (telephony != null) {
            telephony.close();
        }
        if (sipp != null) {
            sipp.close();
        }
    }

    private SipTelephony start(int trunkPort, SipSettings.Transport transport, Optional<String> user,
                               Optional<String> password, Duration keepAlive) {
        return start(TestSip.settings(Ports.free(), trunkPort, transport, user, password, keepAlive));
    }

    private SipTelephony start(SipSettings settings) {
        telephony = new SipTelephony(settings, username -> Optional.empty(), uri -> Optional.empty(), ignored -> media,
                TestSip.T1);
        telephony.tellOfTrunkAnswers(trunkAnswers::put);
        telephony.start();
        return telephony;
    }

    private SipTelephony start() {
        return start(sippPort, SipSettings.Transport.UDP, Optional.empty(), Optional.empty(), Duration.ofHours(1));
    }

    private void carrier(String scenario, Map<String, String> replace) {
        sipp = Sipp.serve(scenario, sippPort, SippSteps.carrierAnswering(replace), workDir);
    }

    @Test
    void aCarrierThatRecordsItsRouteIsReachedThroughItForTheAckAndTheByeWhateverItsContactSays() {
        // An SBC in front of the carrier: its Record-Route names itself (SIPp); the Contact names the callee behind it,
        // whom nothing here reaches (the discard port). Sent there, the ACK and the BYE would never arrive.
        carrier("carrier-answers.xml", Map.of(
                "ANSWER_CONTACT", "Record-Route: <sip:[local_ip]:[local_port];lr>\nContact: <sip:callee@127.0.0.1:9>",
                "AFTER_ANSWER", SippSteps.outdialHangsUpThroughTheRoute("callee")));

        answeredThenHungUpByOutdial(new CallId("call"));
    }

    /** A call to SIPp, answered, then hung up by Outdial: the BYE the scenario waits for last. */
    private CallEvents answeredThenHungUpByOutdial(CallId call) {
        CallEvents events = new CallEvents();
        start().place(call, HOTLINE, CUSTOMER, LONG_RING, events);
        events.next(CallEvent.Ringing.class);
        events.next(CallEvent.Answered.class);

        telephony.hangUp(call);

        assertThat(events.next(CallEvent.HungUp.class).cause()).isEqualTo(Cause.PLATFORM);
        sipp.assertPassed();
        return events;
    }

    /** What the carrier's SRTP key says in its answer, and the key: the test's own, so it can be checked. */
    private static final SrtpKey CARRIERS_KEY = SrtpKey.random(SrtpKey.Suite.AES_CM_128_HMAC_SHA1_80);
    private static final String SRTP_OFFERED = "m=audio [0-9]+ RTP/SAVP 0 8 101";

    private SipTelephony startRequiringSrtp() {
        return start(TestSip.settings(Ports.free(), sippPort, SipSettings.Transport.UDP, Optional.empty(),
                Optional.empty(), Duration.ofHours(1)).withSrtp(new SipSettings.Srtp(true, false)));
    }

    /**
     * A call, to a trunk required to use SRTP, that the carrier answers in SRTP with {@code carriersKey}; the keys
     * Outdial keyed the leg with, each time it did, once the call is answered; then Outdial hangs up.
     */
    private List<Optional<SrtpKeys>> keyedWhenAnsweredWith(SrtpKey carriersKey) {
        carrier("carrier-answers.xml", Map.of("OFFER", SRTP_OFFERED, "PROFILE", "RTP/SAVP",
                "EVENTS_MAP", "\na=rtpmap:101 telephone-event/8000\na=crypto:1 " + carriersKey.attribute(),
                "AFTER_ANSWER", SippSteps.OUTDIAL_HANGS_UP));
        CallEvents events = new CallEvents();
        CallId call = new CallId("call");
        startRequiringSrtp().place(call, HOTLINE, CUSTOMER, LONG_RING, events);
        events.next(CallEvent.Ringing.class);
        events.next(CallEvent.Answered.class);
        FakeMedia.Leg leg = media.legs.getFirst();
        assertThat(leg.connects).hasSize(1);
        List<Optional<SrtpKeys>> keyed = List.copyOf(leg.encryptions);
        telephony.hangUp(call);
        events.next(CallEvent.HungUp.class);
        sipp.assertPassed(); // the INVITE offered RTP/SAVP
        return keyed;
    }

    @Test
    void aTrunkRequiredToUseSrtpIsOfferedSrtpAloneAndItsAnswerKeysBothWays() {
        assertThat(keyedWhenAnsweredWith(CARRIERS_KEY)).singleElement().satisfies(keys -> {
            assertThat(keys).hasValueSatisfying(both -> assertThat(both.theirs()).isEqualTo(CARRIERS_KEY));
            assertThat(keys.orElseThrow().ours()).isNotEqualTo(CARRIERS_KEY);
        });
    }

    @Test
    void aTrunkAnsweringWithAKeyOfAnotherSuiteIsSentWithTheKeyOurOfferGaveIt() {
        SrtpKey shortTagged = SrtpKey.random(SrtpKey.Suite.AES_CM_128_HMAC_SHA1_32);

        assertThat(keyedWhenAnsweredWith(shortTagged)).singleElement().satisfies(keys -> {
            assertThat(keys.orElseThrow().ours().suite()).as("the offer's key, the only one the trunk knows")
                    .isEqualTo(SrtpKey.Suite.AES_CM_128_HMAC_SHA1_80);
            assertThat(keys.orElseThrow().theirs()).isEqualTo(shortTagged);
        });
    }

    @Test
    void aTrunkRequiredToUseSrtpThatAnswersInPlainRtpIsHungUpOnUnheard() {
        carrier("carrier-answers.xml", Map.of("OFFER", SRTP_OFFERED, "AFTER_ANSWER", SippSteps.OUTDIAL_HANGS_UP));
        CallEvents events = new CallEvents();
        CallId call = new CallId("call");

        startRequiringSrtp().place(call, HOTLINE, CUSTOMER, LONG_RING, events);

        events.next(CallEvent.Ringing.class);
        assertThat(events.next(CallEvent.Failed.class).reason()).isEqualTo(CallResult.HOTLINE_ERROR);
        sipp.assertPassed(); // Outdial's BYE
        assertThat(media.legs.getFirst().connects).as("nothing sent to it").isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"Q.850;cause=16, FAR_END", "Q.850;cause=41, LINE_LOST", "Q.850;cause=102, LINE_LOST",
            "SIP;cause=200, FAR_END"})
    void aCarriersByeSaysWhetherTheCustomerHungUpOrTheNetworkLostTheCall(String reason, Cause told) {
        carrier("carrier-answers.xml", Map.of("AFTER_ANSWER", SippSteps.farEndHangsUpGiving("carrier", reason)));
        CallEvents events = new CallEvents();

        start().place(new CallId("call"), HOTLINE, CUSTOMER, LONG_RING, events);

        events.next(CallEvent.Ringing.class);
        events.next(CallEvent.Answered.class);
        assertThat(events.next(CallEvent.HungUp.class).cause()).isEqualTo(told);
        sipp.assertPassed();
    }

    @Test
    void theCarrierRingsAnswersAndHangsUp() {
        carrier("carrier-answers.xml", Map.of("AFTER_ANSWER", SippSteps.farEndHangsUp("carrier")));
        CallEvents events = new CallEvents();

        CallId call = new CallId("call");
        start().place(call, HOTLINE, CUSTOMER, LONG_RING, events);

        events.next(CallEvent.Ringing.class);
        assertThat(events.next(CallEvent.Answered.class).byMachine()).isFalse();
        FakeMedia.Leg leg = media.legs.getFirst();
        assertThat(leg.connects).hasSize(1);
        assertThat(leg.codecs).containsExactly(Codec.PCMA);
        CallEvent.HungUp hungUp = events.next(CallEvent.HungUp.class);
        assertThat(hungUp.call()).isEqualTo(call);
        assertThat(hungUp.cause()).isEqualTo(Cause.FAR_END);
        sipp.assertPassed();
        assertThat(leg.closed).isTrue();
        events.assertNoMore();
        assertThat(trunkAnswers.get(call)).as("told as the call ended")
                .containsExactly(new TrunkAnswer("127.0.0.1:" + sippPort, 200, "OK", null));
    }

    @Test
    void aSecondAnswerOfAForkedCallIsAcknowledgedAndHungUpAtOnceWhileTheFirstGoesOn() {
        carrier("carrier-forks.xml", Map.of());
        CallEvents events = new CallEvents();
        CallId call = new CallId("call");
        start().place(call, HOTLINE, CUSTOMER, LONG_RING, events);
        events.next(CallEvent.Ringing.class);
        events.next(CallEvent.Answered.class);

        assertThat(events.next(CallEvent.HungUp.class).cause()).as("the first answer's far end, still talking")
                .isEqualTo(Cause.FAR_END);
        sipp.assertPassed(); // the second answer acknowledged and hung up before
        assertThat(media.legs).as("one call, one leg").hasSize(1);
        assertThat(media.legs.getFirst().connects).as("to the first answer's media alone").hasSize(1);
        events.assertNoMore();
    }

    @Test
    void ourHangUpOfAnAnsweredCallSendsBye() {
        carrier("carrier-answers.xml", Map.of("AFTER_ANSWER", SippSteps.OUTDIAL_HANGS_UP));
        CallId call = new CallId("call");
        CallEvents events = answeredThenHungUpByOutdial(call);

        telephony.hangUp(call);
        events.assertNoMore();
    }

    @Test
    void theNumbersAreWrittenAsTheCarrierWantsThemWithItsDialPrefix() {
        carrier("carrier-answers.xml", Map.of("DIALED", "99%23030555123", "CALLER", "030999000",
                "AFTER_ANSWER", SippSteps.OUTDIAL_HANGS_UP));
        telephony = new SipTelephony(TestSip.settings(Ports.free(), sippPort, SipSettings.Transport.UDP, Optional.empty(),
                Optional.empty(), Duration.ofHours(1), List.of(TestSip.LOOPBACK),
                new TrunkNumbers(TrunkNumbers.Format.NATIONAL, "99#")),
                username -> Optional.empty(), uri -> Optional.empty(), ignored -> media, TestSip.T1);
        telephony.start();
        CallEvents events = new CallEvents();
        CallId call = new CallId("call");

        telephony.place(call, HOTLINE, CUSTOMER, LONG_RING, events);

        events.next(CallEvent.Ringing.class);
        events.next(CallEvent.Answered.class);
        telephony.hangUp(call);
        events.next(CallEvent.HungUp.class);
        sipp.assertPassed(); // the carrier found sip:99%23030555123@… and the caller 030999000
    }

    /** Places {@code call} listening for machines to a carrier that answers, and waits until its greeting is heard. */
    private FakeMedia.Leg answeredAndListenedTo(CallId call, CallEvents events) {
        carrier("carrier-answers.xml", Map.of("AFTER_ANSWER", SippSteps.OUTDIAL_HANGS_UP));
        start().place(call, HOTLINE, CUSTOMER, LONG_RING, MachineDetection.ON, events);
        events.next(CallEvent.Ringing.class);
        FakeMedia.Leg leg = media.legs.getFirst();
        Await.until("the answered leg to be listened to", () -> leg.listening != null);
        return leg;
    }

    @Test
    void aCallListeningForMachinesIsAnsweredOnlyOnceTheGreetingIsJudged() {
        CallEvents events = new CallEvents();
        CallId call = new CallId("call");
        FakeMedia.Leg leg = answeredAndListenedTo(call, events);
        events.assertNoMore();

        leg.listening.accept(Answerer.MACHINE);

        assertThat(events.next(CallEvent.Answered.class).byMachine()).isTrue();
        telephony.hangUp(call);
        assertThat(events.next(CallEvent.HungUp.class).cause()).isEqualTo(Cause.PLATFORM);
        sipp.assertPassed();
    }

    @Test
    void aCallHungUpWhileItsGreetingIsHeardWasNeverAnsweredForTheEngineAndGetsItsBye() {
        CallEvents events = new CallEvents();
        CallId call = new CallId("call");
        FakeMedia.Leg leg = answeredAndListenedTo(call, events);

        telephony.hangUp(call);

        assertThat(events.next(CallEvent.Failed.class).reason()).isEqualTo(CallResult.NOANSWER);
        sipp.assertPassed();
        assertThat(leg.closed).isTrue();
        leg.listening.accept(Answerer.PERSON);
        events.assertNoMore();
    }

    @Test
    void aReInviteMovesTheMediaAndOptionsInTheCallAreAnswered() {
        String midCall = """
                  <send retrans="500"><![CDATA[
                INVITE [next_url] SIP/2.0
                Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                From: <sip:carrier@[local_ip]:[local_port]>;tag=[pid]SIPpTag01[call_number]
                To:[$outdial]
                [last_Call-ID:]
                CSeq: 5 INVITE
                Contact: <sip:carrier@[local_ip]:[local_port]>
                Max-Forwards: 70
                Content-Type: application/sdp
                Content-Length: [len]

                v=0
                o=carrier 1 2 IN IP[local_ip_type] [local_ip]
                s=-
                c=IN IP[media_ip_type] [media_ip]
                t=0 0
                m=audio 41234 RTP/AVP 0 101
                a=rtpmap:0 PCMU/8000
                a=rtpmap:101 telephone-event/8000
                ]]></send>
                  <recv response="200">
                    <action>
                      <ereg regexp="m=audio [0-9]+ RTP/AVP 0 101" search_in="body" check_it="true" assign_to="answer"/>
                    </action>
                  </recv>
                  <Reference variables="answer"/>
                  <send><![CDATA[
                ACK [next_url] SIP/2.0
                Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                From: <sip:carrier@[local_ip]:[local_port]>;tag=[pid]SIPpTag01[call_number]
                To:[$outdial]
                [last_Call-ID:]
                CSeq: 5 ACK
                Max-Forwards: 70
                Content-Length: 0

                ]]></send>
                  <send retrans="500"><![CDATA[
                OPTIONS [next_url] SIP/2.0
                Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                From: <sip:carrier@[local_ip]:[local_port]>;tag=[pid]SIPpTag01[call_number]
                To:[$outdial]
                [last_Call-ID:]
                CSeq: 6 OPTIONS
                Max-Forwards: 70
                Content-Length: 0

                ]]></send>
                  <recv response="200"/>
                """ + SippSteps.farEndHangsUp("carrier");
        carrier("carrier-answers.xml", Map.of("AFTER_ANSWER", midCall));
        CallEvents events = new CallEvents();

        start().place(new CallId("customer"), HOTLINE, CUSTOMER, LONG_RING, events);

        events.next(CallEvent.Ringing.class);
        events.next(CallEvent.Answered.class);
        assertThat(events.next(CallEvent.HungUp.class).cause()).isEqualTo(Cause.FAR_END);
        sipp.assertPassed();
        FakeMedia.Leg leg = media.legs.getFirst();
        assertThat(leg.connects).hasSize(2);
        assertThat(leg.connects.getLast().getPort()).isEqualTo(41234);
        assertThat(leg.codecs).containsExactly(Codec.PCMA, Codec.PCMU);
    }

    @ParameterizedTest(name = "{0} {1} → {3}")
    @CsvSource(delimiter = '|', value = {
            "486 Busy Here            | false |                                 | BUSY",
            "600 Busy Everywhere      | false |                                 | BUSY",
            "480 Temporarily Unavailable | true |                               | NOANSWER",
            "408 Request Timeout      | true  |                                 | NOANSWER",
            "603 Decline              | true  |                                 | REFUSAL",
            "607 Unwanted             | false |                                 | REFUSAL",
            "404 Not Found            | false |                                 | INVALID_NUMBER",
            "484 Address Incomplete   | false |                                 | INVALID_NUMBER",
            "410 Gone                 | false |                                 | INVALID_NUMBER",
            "485 Ambiguous            | false |                                 | INVALID_NUMBER",
            "604 Does Not Exist Anywhere | false |                              | INVALID_NUMBER",
            "403 Forbidden            | false |                                 | HOTLINE_ERROR",
            "488 Not Acceptable Here  | false |                                 | HOTLINE_ERROR",
            "415 Unsupported Media Type | false |                               | HOTLINE_ERROR",
            "420 Bad Extension        | false |                                 | HOTLINE_ERROR",
            "421 Extension Required   | false |                                 | HOTLINE_ERROR",
            "608 Rejected             | false |                                 | HOTLINE_ERROR",
            "401 Unauthorized         | false | WWW-Authenticate: Digest realm=\"carrier.test\", nonce=\"n1\" | HOTLINE_ERROR",
            "407 Proxy Authentication Required | false | Proxy-Authenticate: Digest realm=\"carrier.test\", nonce=\"n1\" | HOTLINE_ERROR",
            "500 Server Internal Error | false |                                | NETWORK_ERROR",
            "502 Bad Gateway          | false |                                 | NETWORK_ERROR",
            "503 Service Unavailable  | true  |                                 | NETWORK_ERROR",
            "504 Server Time-out      | false |                                 | NETWORK_ERROR",
            "503 Service Unavailable  | false | Reason: Q.850;cause=17;text=\"User busy\" | BUSY",
            "480 Temporarily Unavailable | false | Reason: Q.850;cause=19      | NOANSWER",
            "404 Not Found            | false | Reason: Q.850;cause=18          | NOANSWER",
            "500 Server Internal Error | false | Reason: Q.850;cause=1          | INVALID_NUMBER",
            "503 Service Unavailable  | false | Reason: Q.850;cause=28          | INVALID_NUMBER",
    })
    void eachFailureOfTheCarrierIsItsResult(String status, boolean rings, String header, CallResult expected) {
        carrier("carrier-fails.xml", Map.of("STATUS", status.strip(), "PROVISIONAL_SEND", rings ? SippSteps.RINGS : "",
                "PROVISIONAL", rings ? "rings" : "does not ring",
                "HEADERS", header == null ? "" : header.strip() + "\n"));
        CallEvents events = new CallEvents();

        CallId call = new CallId("call");
        start().place(call, HOTLINE, CUSTOMER, LONG_RING, events);

        if (rings) {
            events.next(CallEvent.Ringing.class);
        }
        CallEvent.Failed failed = events.next(CallEvent.Failed.class);
        assertThat(failed.call()).isEqualTo(call);
        assertThat(failed.reason()).isEqualTo(expected);
        sipp.assertPassed();
        events.assertNoMore();
        Integer cause = header != null && header.contains("cause=")
                ? Integer.valueOf(header.replaceAll(".*cause=(\\d+).*", "$1")) : null;
        String[] code = status.strip().split(" ", 2);
        assertThat(trunkAnswers.get(call)).containsExactly(
                new TrunkAnswer("127.0.0.1:" + sippPort, Integer.parseInt(code[0]), code[1], cause));
    }

    @Test
    void earlyMediaIsNoAnswerAndABusyAfterItIsBusy() {
        String sessionProgress = """
                  <send><![CDATA[
                SIP/2.0 183 Session Progress
                [last_Via:]
                [last_From:]
                [last_To:];tag=[pid]SIPpTag01[call_number]
                [last_Call-ID:]
                [last_CSeq:]
                Content-Type: application/sdp
                Content-Length: [len]

                v=0
                o=carrier 1 1 IN IP[local_ip_type] [local_ip]
                s=-
                c=IN IP[media_ip_type] [media_ip]
                t=0 0
                m=audio [media_port] RTP/AVP 0
                ]]></send>
                """;
        carrier("carrier-fails.xml", Map.of("STATUS", "486 Busy Here", "PROVISIONAL_SEND", sessionProgress,
                "PROVISIONAL", "sends early media", "HEADERS", ""));
        CallEvents events = new CallEvents();

        start().place(new CallId("customer"), HOTLINE, CUSTOMER, LONG_RING, events);

        events.next(CallEvent.Ringing.class);
        assertThat(events.next(CallEvent.Failed.class).reason()).isEqualTo(CallResult.BUSY);
        sipp.assertPassed();
        events.assertNoMore();
    }

    @Test
    void aTrunkThatCallsOnlyWithReliableProvisionalResponsesIsAskedAgainWithThemAndEachIsAcknowledged() {
        // SIPp checks that the first INVITE does not require 100rel, the second does, and the PRACK acknowledges RSeq 1
        carrier("carrier-requires-100rel.xml", Map.of());
        CallEvents events = new CallEvents();
        CallId call = new CallId("reliable");

        start().place(call, HOTLINE, CUSTOMER, LONG_RING, events);

        events.next(CallEvent.Ringing.class);
        events.next(CallEvent.Answered.class);
        telephony.hangUp(call);
        events.next(CallEvent.HungUp.class);
        sipp.assertPassed();
        events.assertNoMore();
    }

    /** The carrier's 200 to Outdial's refresh of the session: its SDP, the session kept at 2 s, Outdial refreshing. */
    @Test
    void aTrunkThatRequiresSessionTimersIsAskedAgainWithThemAndOutdialRefreshesTheSessionInTime() {
        // SIPp checks that the first INVITE does not support timers, the second does, and each refresh's offer
        String taken = SippSteps.refreshTaken("carrier", 2);
        carrier("carrier-requires-timer.xml", Map.of("AFTER_REFRESH", taken
                + "  <recv request=\"INVITE\"/>\n" + taken + SippSteps.farEndHangsUp("carrier")));

        assertThat(answeredUntilItEnds("refreshed").cause()).as("after two refreshes, by the carrier")
                .isEqualTo(Cause.FAR_END);
    }

    /** A call the carrier answers and which ends without Outdial hanging up; its end, once the carrier's scenario passed. */
    private CallEvent.HungUp answeredUntilItEnds(String name) {
        CallEvents events = new CallEvents();

        start().place(new CallId(name), HOTLINE, CUSTOMER, LONG_RING, events);

        events.next(CallEvent.Answered.class);
        CallEvent.HungUp ended = events.next(CallEvent.HungUp.class);
        sipp.assertPassed();
        events.assertNoMore();
        return ended;
    }

    @Test
    void aSessionRefreshTheTrunkNoLongerKnowsEndsTheCall() {
        carrier("carrier-requires-timer.xml", Map.of("AFTER_REFRESH", SippSteps.answer("481 Call/Transaction Does Not Exist")
                + "  <recv request=\"ACK\"/>\n" + SippSteps.OUTDIAL_HANGS_UP));

        assertThat(answeredUntilItEnds("lost").cause()).as("the far end is gone").isEqualTo(Cause.LINE_LOST);
    }

    @Test
    void ringingPastTheTimeoutIsCancelledAsNoAnswer() {
        carrier("carrier-rings-forever.xml", Map.of());
        CallEvents events = new CallEvents();

        start().place(new CallId("customer"), HOTLINE, CUSTOMER, Duration.ofMillis(300), events);

        events.next(CallEvent.Ringing.class);
        assertThat(events.next(CallEvent.Failed.class).reason()).isEqualTo(CallResult.NOANSWER);
        sipp.assertPassed();
        events.assertNoMore();
    }

    @Test
    void hangingUpARingingCallCancelsItAndFailsAsNoAnswer() {
        carrier("carrier-rings-forever.xml", Map.of());
        CallEvents events = new CallEvents();
        CallId call = new CallId("call");
        start().place(call, HOTLINE, CUSTOMER, LONG_RING, events);
        events.next(CallEvent.Ringing.class);

        telephony.hangUp(call);

        assertThat(events.next(CallEvent.Failed.class).reason()).isEqualTo(CallResult.NOANSWER);
        sipp.assertPassed();
        events.assertNoMore();
    }

    /** SIPp checks a 401's Authorization itself; it cannot check a 407's Proxy-Authorization, so the test does. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {"401 | without qop", "401 | with qop", "407 | without qop"})
    void theTrunksChallengeIsAnsweredWithTheCredentials(int status, String qop) throws Exception {
        boolean proxy = status == 407;
        String check = proxy
                ? "<ereg regexp=\"Proxy-Authorization: Digest .*response=.%s.\" search_in=\"msg\" check_it=\"false\" assign_to=\"authvalid\"/>"
                        .formatted(md5(md5("trunk-user:carrier.test:trunk-secret") + ":5f2b9a1c0d:"
                                + md5("INVITE:sip:" + CUSTOMER + "@127.0.0.1:" + sippPort)))
                : "<verifyauth assign_to=\"authvalid\" username=\"trunk-user\" password=\"trunk-secret\"/>";
        carrier("carrier-challenges.xml", Map.of(
                "STATUS", proxy ? "407 Proxy Authentication Required" : "401 Unauthorized",
                "HEADER", proxy ? "Proxy-Authenticate" : "WWW-Authenticate",
                "QOP", qop.equals("with qop") ? ", qop=\"auth\"" : "",
                "CHECK", check));
        CallEvents events = new CallEvents();
        CallId call = new CallId("call");
        start(sippPort, SipSettings.Transport.UDP, Optional.of("trunk-user"), Optional.of("trunk-secret"),
                Duration.ofHours(1)).place(call, HOTLINE, CUSTOMER, LONG_RING, events);

        events.next(CallEvent.Answered.class);
        telephony.hangUp(call);

        events.next(CallEvent.HungUp.class);
        sipp.assertPassed();
        assertThat(trunkAnswers.get(call)).extracting(TrunkAnswer::status).containsExactly(status, 200);
    }

    /** MD5 in hex, written here from RFC 2617 rather than taken from the adapter it checks. */
    private static String md5(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void credentialsTheTrunkRefusesAreTheHotlinesError() {
        carrier("carrier-challenges-twice.xml", Map.of());
        CallEvents events = new CallEvents();
        start(sippPort, SipSettings.Transport.UDP, Optional.of("trunk-user"), Optional.of("wrong"), Duration.ofHours(1))
                .place(new CallId("customer"), HOTLINE, CUSTOMER, LONG_RING, events);

        assertThat(events.next(CallEvent.Failed.class).reason()).isEqualTo(CallResult.HOTLINE_ERROR);
        sipp.assertPassed();
        events.assertNoMore();
    }

    @Test
    void aTrunkThatAnswersOptionsAtAllIsUpAndASilentOneDown() {
        carrier("carrier-answers-options.xml", Map.of());
        SipTelephony sip = start(sippPort, SipSettings.Transport.UDP, Optional.empty(), Optional.empty(),
                Duration.ofMillis(200));
        assertThat(sip.trunkStatus().state()).isEqualTo(TrunkStatus.State.UNKNOWN);

        Await.until("the trunk is UP", () -> sip.trunkStatus().state() == TrunkStatus.State.UP);
        assertThat(sip.trunkStatus().detail()).contains("405");
        assertThat(sip.trunkStatus().checkedAt()).isPresent();
        sipp.assertPassed();

        Await.until("the trunk is DOWN once SIPp is gone", () -> sip.trunkStatus().state() == TrunkStatus.State.DOWN);
        assertThat(sip.trunkStatus().detail()).contains("no answer");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"503 Service Unavailable", "500 Server Internal Error", "502 Bad Gateway",
            "504 Server Time-out", "408 Request Timeout"})
    void aCallTheTrunkCannotTakeIsTriedOnceOnTheBackupTrunk(String status) {
        carrier("carrier-fails.xml", Map.of("STATUS", status, "PROVISIONAL_SEND", "", "PROVISIONAL", "says nothing",
                "HEADERS", ""));
        int backupPort = Ports.free();
        try (Sipp backup = Sipp.serve("carrier-answers.xml", backupPort, SippSteps.carrierAnswering(Map.of(
                "AFTER_ANSWER", SippSteps.farEndHangsUp("carrier"))), workDir)) {
            CallEvents events = new CallEvents();

            withBackupTrunk(backupPort).place(new CallId("failed-over"), HOTLINE, CUSTOMER, LONG_RING, events);

            events.next(CallEvent.Ringing.class);
            events.next(CallEvent.Answered.class);
            assertThat(events.next(CallEvent.HungUp.class).cause()).isEqualTo(Cause.FAR_END);
            sipp.assertPassed();
            backup.assertPassed();
            events.assertNoMore();
            String[] code = status.split(" ", 2);
            assertThat(trunkAnswers.get(new CallId("failed-over"))).as("the first trunk's failure, then the backup's")
                    .containsExactly(new TrunkAnswer("127.0.0.1:" + sippPort, Integer.parseInt(code[0]), code[1], null),
                            new TrunkAnswer("127.0.0.1:" + backupPort, 200, "OK", null));
        }
    }

    @Test
    void aCallTheTrunkCannotTakeForACauseOfTheCustomersIsNotTriedOnTheBackup() throws Exception {
        carrier("carrier-fails.xml", Map.of("STATUS", "503 Service Unavailable", "PROVISIONAL_SEND", "",
                "PROVISIONAL", "says nothing", "HEADERS", "Reason: Q.850;cause=17;text=\"User busy\"\n"));
        try (DatagramSocket silentBackup = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            CallEvents events = new CallEvents();

            withBackupTrunk(silentBackup.getLocalPort()).place(new CallId("busy"), HOTLINE, CUSTOMER, LONG_RING,
                    events);

            assertThat(events.next(CallEvent.Failed.class).reason())
                    .as("the customer is busy on any trunk: not tried on the backup, which would fail it after Timer B")
                    .isEqualTo(CallResult.BUSY);
            sipp.assertPassed();
            events.assertNoMore();
        }
    }

    @Test
    void aCallTheTrunkNeverAnswersIsTriedOnTheBackupTrunkAfterTimerB() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             Sipp backup = Sipp.serve("carrier-answers.xml", sippPort, SippSteps.carrierAnswering(Map.of(
                     "AFTER_ANSWER", SippSteps.farEndHangsUp("carrier"))), workDir)) {
            SipTelephony sip = start(TestSip.settings(Ports.free(), silent.getLocalPort(), SipSettings.Transport.UDP,
                    Optional.empty(), Optional.empty(), Duration.ofHours(1))
                    .withBackupTrunk(Optional.of(new InetSocketAddress("127.0.0.1", sippPort))));
            CallEvents events = new CallEvents();

            sip.place(new CallId("after-timer-b"), HOTLINE, CUSTOMER, LONG_RING, events);

            events.next(CallEvent.Ringing.class);
            events.next(CallEvent.Answered.class);
            assertThat(events.next(CallEvent.HungUp.class).cause()).isEqualTo(Cause.FAR_END);
            backup.assertPassed();
            events.assertNoMore();
            assertThat(trunkAnswers.get(new CallId("after-timer-b"))).containsExactly(
                    new TrunkAnswer("127.0.0.1:" + silent.getLocalPort(), TrunkAnswer.NONE, "no answer to the INVITE",
                            null),
                    new TrunkAnswer("127.0.0.1:" + sippPort, 200, "OK", null));
        }
    }

    @Test
    void callsGoToTheBackupTrunkWhileThePrimaryDoesNotAnswerItsKeepAlive() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             Sipp backup = Sipp.serve("carrier-answers.xml", sippPort, SippSteps.carrierAnswering(Map.of(
                     "AFTER_ANSWER", SippSteps.farEndHangsUp("carrier"))), workDir, "-aa", "-m", "1000")) {
            // -aa answers the keep-alive's OPTIONS, each a call of SIPp's own: it does not stop after the first
            SipTelephony sip = start(TestSip.settings(Ports.free(), silent.getLocalPort(), SipSettings.Transport.UDP,
                    Optional.empty(), Optional.empty(), Duration.ofMillis(200))
                    .withBackupTrunk(Optional.of(new InetSocketAddress("127.0.0.1", sippPort))));
            Await.until("calls moved to the backup", () -> sip.trunkStatus().detail().startsWith("backup"));
            assertThat(sip.trunkStatus().state()).isEqualTo(TrunkStatus.State.UP);
            assertThat(sip.trunkStatus().detail()).contains("primary 127.0.0.1:" + silent.getLocalPort()
                    + ": no answer to OPTIONS");
            CallEvents events = new CallEvents();

            sip.place(new CallId("on-the-backup"), HOTLINE, CUSTOMER, LONG_RING, events);

            events.next(CallEvent.Ringing.class);
            events.next(CallEvent.Answered.class);
            assertThat(events.next(CallEvent.HungUp.class).cause()).as("by the backup's scenario, to its end")
                    .isEqualTo(Cause.FAR_END);
        }
    }

    @Test
    void aCarrierGivenAsADomainIsCalledAtEachTrunkItsSrvRecordsNameInTheirOrderAndItsDomain() throws Exception {
        carrier("carrier-fails.xml", TRUNK_UNAVAILABLE);
        int secondPort = Ports.free();
        int thirdPort = Ports.free();
        try (FakeDns dns = new FakeDns().srv("_sip._udp.carrier.test", "30 0 " + thirdPort + " 127.0.0.1.",
                     "10 0 " + sippPort + " 127.0.0.1.", "20 0 " + secondPort + " 127.0.0.1.");
             Sipp second = Sipp.serve("carrier-fails.xml", secondPort, TRUNK_UNAVAILABLE, workDir);
             Sipp third = Sipp.serve("carrier-answers.xml", thirdPort, SippSteps.carrierAnswering(Map.of(
                     "TRUNK", "carrier\\.test", // the domain stays the Request-URI's host (RFC 3263)
                     "AFTER_ANSWER", SippSteps.farEndHangsUp("carrier"))), workDir)) {
            startedAt("carrier.test", dns, Duration.ofHours(1));
            CallEvents events = new CallEvents();

            // the targets of priority 10 and 20 cannot take it (503): the third (30) answers
            telephony.place(new CallId("by-srv"), HOTLINE, CUSTOMER, LONG_RING, events);

            events.next(CallEvent.Ringing.class);
            events.next(CallEvent.Answered.class);
            assertThat(events.next(CallEvent.HungUp.class).cause()).isEqualTo(Cause.FAR_END);
            sipp.assertPassed();
            second.assertPassed();
            third.assertPassed();
            assertThat(telephony.trunkStates()).containsOnlyKeys("primary", "backup", "backup-2");
        }
    }

    @Test
    void aCarrierDomainTheDnsCannotTellOfAtTheStartIsAskedAgainAndCalledOnceItTells() throws Exception {
        try (FakeDns dns = new FakeDns().failing()) {
            SipTelephony sip = startedAt("carrier.test", dns, Duration.ofMillis(200));
            AtomicInteger trunksChanged = new AtomicInteger();
            sip.whenTrunksChange(trunksChanged::incrementAndGet);
            CallEvents before = new CallEvents();
            sip.place(new CallId("before"), HOTLINE, CUSTOMER, LONG_RING, before);
            assertThat(before.next(CallEvent.Failed.class).reason()).as("no trunk known: the call cannot be sent")
                    .isEqualTo(CallResult.NETWORK_ERROR);
            sipp = Sipp.serve("carrier-answers.xml", sippPort, SippSteps.carrierAnswering(Map.of(
                    "TRUNK", "carrier\\.test", "AFTER_ANSWER", SippSteps.farEndHangsUp("carrier"))), workDir,
                    "-aa", "-m", "1000");

            dns.srv("_sip._udp.carrier.test", "10 0 " + sippPort + " 127.0.0.1.");

            Await.until("the trunk the DNS named answers its keep-alive",
                    () -> sip.trunkStatus().state() == TrunkStatus.State.UP);
            assertThat(trunksChanged).as("told of the trunk named").hasPositiveValue();
            CallEvents after = new CallEvents();
            sip.place(new CallId("after"), HOTLINE, CUSTOMER, LONG_RING, after);
            after.next(CallEvent.Ringing.class);
            after.next(CallEvent.Answered.class);
            assertThat(after.next(CallEvent.HungUp.class).cause()).isEqualTo(Cause.FAR_END);
        }
    }

    /** Outdial started with the carrier given as {@code domain}, asking {@code dns} of it every 100 ms. */
    private SipTelephony startedAt(String domain, FakeDns dns, Duration keepAlive) {
        telephony = new SipTelephony(TestSip.settingsForDomain(Ports.free(), domain, keepAlive),
                username -> Optional.empty(), uri -> Optional.empty(), ignored -> media, TestSip.T1);
        telephony.lookUpTrunksWith(new TrunkDns(dns.url(), RandomGenerator.getDefault()), Duration.ofMillis(100));
        telephony.start();
        return telephony;
    }

    private SipTelephony withBackupTrunk(int backupPort) {
        return start(TestSip.settings(Ports.free(), sippPort).withBackupTrunk(Optional.of(
                new InetSocketAddress("127.0.0.1", backupPort))));
    }

    @Test
    void aSilentTrunkIsANetworkErrorAfterTimerB() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            CallEvents events = new CallEvents();
            start(silent.getLocalPort(), SipSettings.Transport.UDP, Optional.empty(), Optional.empty(), Duration.ofHours(1))
                    .place(new CallId("customer"), HOTLINE, CUSTOMER, LONG_RING, events);

            assertThat(events.next(CallEvent.Failed.class).reason()).isEqualTo(CallResult.NETWORK_ERROR);
            events.assertNoMore();
        }
    }

    @Test
    void aSilentTrunkIsANetworkErrorEvenWhenTheRingTimeoutComesFirstNotTheCustomersNoAnswer() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            CallEvents events = new CallEvents();
            start(silent.getLocalPort(), SipSettings.Transport.UDP, Optional.empty(), Optional.empty(), Duration.ofHours(1))
                    .place(new CallId("customer"), HOTLINE, CUSTOMER, Duration.ofMillis(300), events);

            assertThat(events.next(CallEvent.Failed.class).reason()).as("300 ms, within Timer B's 1.28 s at the tests' T1")
                    .isEqualTo(CallResult.NETWORK_ERROR);
            events.assertNoMore();
        }
    }

    @Test
    void aTrunkNobodyListensOnOverTcpIsANetworkError() {
        CallEvents events = new CallEvents();
        start(Ports.free(), SipSettings.Transport.TCP, Optional.empty(), Optional.empty(), Duration.ofHours(1))
                .place(new CallId("customer"), HOTLINE, CUSTOMER, LONG_RING, events);

        assertThat(events.next(CallEvent.Failed.class).reason()).isEqualTo(CallResult.NETWORK_ERROR);
        events.assertNoMore();
    }
}
