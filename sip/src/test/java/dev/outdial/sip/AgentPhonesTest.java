package dev.outdial.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.port.CallEvent;
import dev.outdial.engine.port.CallEvent.HungUp.Cause;
import dev.outdial.engine.port.CallId;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Agents' phones played by SIPp: they register with Outdial's registrar (digest), get rung, answer
 * and hang up; nailed-up lines stay up under virtual legs. One SIPp registers (a client), another
 * plays the phone that is rung (a server), since a SIPp call never takes an INVITE of another Call-ID.
 */
@Tag("slow") // Phones played by SIPp: left out of the fast suite.
class AgentPhonesTest {

    private static final AgentId ANNA = TestSip.ANNA;

    private Path workDir;
    private final int phonePort = Ports.free();
    private final int ourPort = Ports.free();
    private final int carrierPort = Ports.free();
    private final FakeMedia media = new FakeMedia();
    private final List<String> registrationChanges = new CopyOnWriteArrayList<>();
    private final List<String> lineChanges = new CopyOnWriteArrayList<>();
    private final List<String> callsNotTaken = new CopyOnWriteArrayList<>();
    private final List<Sipp> sipps = new CopyOnWriteArrayList<>();
    private SipTelephony telephony;

    @BeforeEach
    void start(TestInfo test) {
        Sipp.requireSipp();
        workDir = Sipp.workDir(test);
        start(TestSip.settings(ourPort, carrierPort));
    }

    private void start(SipSettings settings) {
        telephony = new SipTelephony(settings, TestSip.PHONES, uri -> Optional.empty(), ignored -> media, TestSip.T1);
        telephony.start();
        telephony.registrations().onChange((agent, registered) -> registrationChanges.add(agent.value() + "=" + registered));
        telephony.agentLines().onChange((agent, state, notTaken) -> lineChanges.add(agent.value() + "=" + state
                + notTaken.map(result -> "(" + result + ")").orElse("")));
        telephony.agentLines().onCallNotTaken((agent, how) -> callsNotTaken.add(agent.value() + "=" + how));
    }

    @AfterEach
    void stop() {
        // Without SIPp (outside CI) the set-up aborts the test before the telephony starts.
        if (telephony != null) {
            telephony.close();
        }
        sipps.forEach(Sipp::close);
    }

    private void register(String user, String password, int expires, String contact, String finalStatus, String expect) {
        Map<String, String> values = new HashMap<>(Map.of("USER", user, "PASSWORD", password,
                "EXPIRES", String.valueOf(expires), "CONTACT", contact, "FINAL", finalStatus, "EXPECT", expect));
        Sipp registering = Sipp.call("phone-registers.xml", "127.0.0.1:" + ourPort, Ports.free(), values, workDir);
        sipps.add(registering);
        registering.assertPassed();
    }

    private String phoneContact() {
        return "<sip:anna@127.0.0.1:" + phonePort + ">";
    }

    private Sipp phone(String afterAnswer) {
        Sipp phone = Sipp.serve("phone-answers.xml", phonePort, Map.of("USER", "anna", "CONTACT", phoneContact(),
                "AFTER_ANSWER", afterAnswer, "AFTER_ANSWER_TEXT", "as the test says"), workDir);
        sipps.add(phone);
        return phone;
    }

    /** The phone answers Outdial's INVITE with {@code status}, nothing before it. */
    private Sipp phoneRefusing(String status) {
        Sipp phone = Sipp.serve("carrier-fails.xml", phonePort, Map.of("STATUS", status, "PROVISIONAL_SEND", "",
                "PROVISIONAL", "does not ring", "HEADERS", ""), workDir);
        sipps.add(phone);
        return phone;
    }

    /** The phone rings until Outdial cancels its INVITE. */
    private Sipp phoneRingingOn() {
        Sipp phone = Sipp.serve("carrier-rings-forever.xml", phonePort, Map.of(), workDir);
        sipps.add(phone);
        return phone;
    }

    @Test
    void aPhoneRegistersWithDigestAndIsRungAtItsContact() {
        register("anna", "s3cret", 3600, phoneContact(), "200", "Contact: .sip:anna@127\\.0\\.0\\.1:" + phonePort + ".;expires=3[0-9]{3}");
        assertThat(telephony.registrations().isRegistered(ANNA)).isTrue();
        assertThat(registrationChanges).containsExactly("agent-anna=true");
        Sipp phone = phone(SippSteps.farEndHangsUp("anna"));
        CallEvents events = new CallEvents();

        CallId leg = telephony.ringAgent(ANNA, Duration.ofSeconds(30), events);

        events.next(CallEvent.Ringing.class);
        assertThat(events.next(CallEvent.Answered.class).call()).isEqualTo(leg);
        assertThat(events.next(CallEvent.HungUp.class).cause()).isEqualTo(Cause.FAR_END);
        phone.assertPassed();
        events.assertNoMore();
    }

    @Test
    void aPhoneBehindNatIsRungWhereItsRegistrationCameFromAndItsCallGoesOnThere() throws Exception {
        // The contact names the phone's address on its home network, which nothing here routes to.
        String privateContact = "<sip:anna@10.255.255.1:5062>";
        try (NatBox nat = new NatBox(new InetSocketAddress("127.0.0.1", ourPort))) {
            Sipp registering = Sipp.call("phone-registers.xml", nat.insideAddress(), phonePort, Map.of("USER", "anna",
                    "PASSWORD", "s3cret", "EXPIRES", "3600", "CONTACT", privateContact, "FINAL", "200",
                    // granted a minute, not the hour asked: its re-registrations keep the router's mapping open
                    "EXPECT", "Contact: .sip:anna@10\\.255\\.255\\.1:5062.;expires=(60|59)\\b"), workDir);
            sipps.add(registering);
            registering.assertPassed();
            Sipp phone = Sipp.serve("phone-answers.xml", phonePort, Map.of("USER", "anna", "CONTACT", privateContact,
                    "AFTER_ANSWER", SippSteps.OUTDIAL_HANGS_UP, "AFTER_ANSWER_TEXT", "waits for Outdial to hang up"),
                    workDir);
            sipps.add(phone);
            CallEvents events = new CallEvents();

            CallId leg = telephony.ringAgent(ANNA, Duration.ofSeconds(30), events);

            events.next(CallEvent.Ringing.class);
            events.next(CallEvent.Answered.class);
            telephony.hangUp(leg);
            assertThat(events.next(CallEvent.HungUp.class).cause()).isEqualTo(Cause.PLATFORM);
            phone.assertPassed(); // the ACK and the BYE, sent to its private contact, reached it through the NAT
        }
    }

    @Test
    void aWrongPasswordIsRefusedAndNeverRegisters() {
        register("anna", "guessed", 3600, phoneContact(), "403", "SIP/2.0 403");

        assertThat(telephony.registrations().isRegistered(ANNA)).isFalse();
        assertThat(registrationChanges).isEmpty();
    }

    @Test
    void anUnknownUserIsRefused() {
        register("mallory", "s3cret", 3600, phoneContact(), "403", "SIP/2.0 403");

        assertThat(registrationChanges).isEmpty();
    }

    @Test
    void aTooBriefRegistrationIsTurnedDownWithTheMinimum() {
        register("anna", "s3cret", 10, phoneContact(), "423", "Min-Expires: 60");

        assertThat(telephony.registrations().isRegistered(ANNA)).isFalse();
    }

    @Test
    void expiresZeroUnregistersAndSoDoesTheWildcard() {
        register("anna", "s3cret", 3600, phoneContact(), "200", "SIP/2.0 200");
        register("anna", "s3cret", 0, phoneContact(), "200", "SIP/2.0 200");
        assertThat(telephony.registrations().isRegistered(ANNA)).isFalse();

        register("anna", "s3cret", 3600, phoneContact(), "200", "SIP/2.0 200");
        register("anna", "s3cret", 0, "*", "200", "SIP/2.0 200");

        assertThat(telephony.registrations().isRegistered(ANNA)).isFalse();
        assertThat(registrationChanges).containsExactly("agent-anna=true", "agent-anna=false", "agent-anna=true",
                "agent-anna=false");
    }

    @Test
    void anAgentWithoutAPhoneFailsAtOnceAsNoAnswer() {
        CallEvents events = new CallEvents();

        telephony.ringAgent(ANNA, Duration.ofSeconds(30), events);

        assertThat(events.next(CallEvent.Failed.class).reason()).isEqualTo(CallResult.NOANSWER);
        events.assertNoMore();
    }

    @Test
    void aNailedUpLineAnswersAtOnceAndStaysUpWhenTheCallOnItEnds() {
        register("anna", "s3cret", 3600, phoneContact(), "200", "SIP/2.0 200");
        Sipp phone = phone(SippSteps.OUTDIAL_HANGS_UP);

        telephony.agentLines().nailUp(ANNA);
        Await.until("anna's line is UP", () -> telephony.agentLines().state(ANNA) == AgentLines.LineState.UP);

        CallEvents first = new CallEvents();
        CallId virtual = telephony.ringAgent(ANNA, Duration.ofSeconds(30), first);
        first.next(CallEvent.Answered.class);
        telephony.hangUp(virtual);
        assertThat(first.next(CallEvent.HungUp.class).cause()).isEqualTo(Cause.PLATFORM);
        assertThat(telephony.agentLines().state(ANNA)).isEqualTo(AgentLines.LineState.UP);

        CallEvents second = new CallEvents();
        CallId next = telephony.ringAgent(ANNA, Duration.ofSeconds(30), second);
        assertThat(next).isNotEqualTo(virtual);
        second.next(CallEvent.Answered.class);

        telephony.agentLines().release(ANNA);

        assertThat(second.next(CallEvent.HungUp.class).cause()).isEqualTo(Cause.PLATFORM);
        phone.assertPassed();
        Await.until("anna's line is DOWN", () -> telephony.agentLines().state(ANNA) == AgentLines.LineState.DOWN);
        assertThat(lineChanges).containsExactly("agent-anna=CALLING", "agent-anna=UP", "agent-anna=DOWN");
        first.assertNoMore();
        second.assertNoMore();
    }

    @Test
    void anAgentOnTheirLineHearsTheCallTheyPlacedRingUntilItEnds() {
        register("anna", "s3cret", 3600, phoneContact(), "200", "SIP/2.0 200");
        Sipp phone = phone(SippSteps.OUTDIAL_HANGS_UP);
        telephony.agentLines().nailUp(ANNA);
        Await.until("anna's line is UP", () -> telephony.agentLines().state(ANNA) == AgentLines.LineState.UP);
        Sipp carrier = Sipp.serve("carrier-rings-forever.xml", carrierPort, Map.of(), workDir);
        sipps.add(carrier);
        CallEvents customer = new CallEvents();
        CallId call = new CallId("customer");
        telephony.place(call, "+4930999000", "+4930555123", Duration.ofSeconds(60), customer);
        customer.next(CallEvent.Ringing.class);

        telephony.agentHearsRinging(call, ANNA);

        FakeMedia.Leg line = media.legs.get(0);
        FakeMedia.Leg ringing = media.legs.get(1);
        assertThat(line.heardRinging).as("on her line, between calls").containsExactly(ringing);
        telephony.hangUp(call);
        customer.next(CallEvent.Failed.class);
        carrier.assertPassed();
        telephony.agentHearsRinging(call, ANNA);
        assertThat(line.heardRinging).as("a call that ended no longer rings").hasSize(1);
        telephony.agentLines().release(ANNA);
        phone.assertPassed();
    }

    @Test
    void theAgentHangingUpDuringACallOnTheLineEndsItAndTakesTheLineDown() throws Exception {
        register("anna", "s3cret", 3600, phoneContact(), "200", "SIP/2.0 200");
        Path callIdFile = workDir.resolve("line-call-id");
        Files.deleteIfExists(callIdFile);
        // The phone writes its call's Call-ID for the test, then waits for the test's INFO, its "hang up now".
        Sipp phone = phone("  <nop><action><exec command=\"echo '[call_id]' > " + callIdFile + "\"/></action></nop>\n"
                + "  <recv request=\"INFO\"/>\n" + SippSteps.farEndHangsUp("anna"));
        telephony.agentLines().nailUp(ANNA);
        Await.until("anna's line is UP", () -> telephony.agentLines().state(ANNA) == AgentLines.LineState.UP);
        CallEvents onLine = new CallEvents();
        telephony.ringAgent(ANNA, Duration.ofSeconds(30), onLine);
        onLine.next(CallEvent.Answered.class);

        Await.until("the phone wrote its Call-ID", () -> Files.exists(callIdFile) && readable(callIdFile));
        hangUpButton(Files.readString(callIdFile).strip());

        assertThat(onLine.next(CallEvent.HungUp.class).cause()).isEqualTo(Cause.FAR_END);
        phone.assertPassed();
        Await.until("anna's line is DOWN", () -> telephony.agentLines().state(ANNA) == AgentLines.LineState.DOWN);
        assertThat(lineChanges).containsExactly("agent-anna=CALLING", "agent-anna=UP", "agent-anna=DOWN");
        onLine.assertNoMore();
    }

    private static boolean readable(Path file) {
        try {
            return Files.readString(file).endsWith("\n");
        } catch (IOException e) {
            return false;
        }
    }

    /** Tells the SIPp phone to hang up: an INFO in its call, which its scenario waits for. */
    private void hangUpButton(String callId) throws IOException {
        String info = "INFO sip:anna@127.0.0.1:" + phonePort + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK-hang-up-button\r\n"
                + "From: <sip:test@127.0.0.1>;tag=button\r\n"
                + "To: <sip:anna@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 INFO\r\n"
                + "Max-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n";
        byte[] bytes = info.getBytes(StandardCharsets.US_ASCII);
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), phonePort));
        }
    }

    @Test
    void aPhoneThatRefusesTheLineTakesItDownSayingHow() {
        register("anna", "s3cret", 3600, phoneContact(), "200", "SIP/2.0 200");
        // What baresip answers without its g711 module: it has no codec in common with the offer.
        phoneRefusing("488 Not Acceptable Here");

        telephony.agentLines().nailUp(ANNA);

        Await.until("the line went DOWN", () -> lineChanges.size() == 2);
        assertThat(lineChanges).containsExactly("agent-anna=CALLING", "agent-anna=DOWN(HOTLINE_ERROR)");
    }

    @Test
    void aPhoneThatRefusesACallRungOnItIsToldOf() {
        register("anna", "s3cret", 3600, phoneContact(), "200", "SIP/2.0 200");
        Sipp phone = phoneRefusing("486 Busy Here");
        CallEvents events = new CallEvents();

        telephony.ringAgent(ANNA, Duration.ofSeconds(30), events);

        assertThat(events.next(CallEvent.Failed.class).reason()).isEqualTo(CallResult.BUSY);
        assertThat(callsNotTaken).containsExactly("agent-anna=BUSY");
        phone.assertPassed();
    }

    @Test
    void aPhoneThatRingsOutItsTimeIsToldOfAndOneTheEngineHangsUpFirstIsNot() {
        register("anna", "s3cret", 3600, phoneContact(), "200", "SIP/2.0 200");
        Sipp phone = phoneRingingOn();
        CallEvents events = new CallEvents();

        telephony.ringAgent(ANNA, Duration.ofSeconds(1), events);

        events.next(CallEvent.Ringing.class);
        assertThat(events.next(CallEvent.Failed.class).reason()).isEqualTo(CallResult.NOANSWER);
        assertThat(callsNotTaken).containsExactly("agent-anna=NOANSWER");
        phone.assertPassed();

        Sipp again = phoneRingingOn();
        CallEvents ended = new CallEvents();
        CallId leg = telephony.ringAgent(ANNA, Duration.ofSeconds(30), ended);
        ended.next(CallEvent.Ringing.class);

        telephony.hangUp(leg);

        ended.next(CallEvent.Failed.class);
        assertThat(callsNotTaken).as("the engine ended that ring: the caller hung up first")
                .containsExactly("agent-anna=NOANSWER");
        again.assertPassed();
    }

    @Test
    void aLineReleasedWhileThePhoneRingsIsNotAPhoneThatRefusedIt() {
        register("anna", "s3cret", 3600, phoneContact(), "200", "SIP/2.0 200");
        Sipp phone = phoneRingingOn();
        telephony.agentLines().nailUp(ANNA);
        Await.until("anna's phone rings", () -> lineChanges.size() == 1);

        telephony.agentLines().release(ANNA);

        Await.until("the line went DOWN", () -> lineChanges.size() == 2);
        assertThat(lineChanges).containsExactly("agent-anna=CALLING", "agent-anna=DOWN");
        phone.assertPassed();
    }

    @Test
    void aPhoneThatVanishesWithoutHangingUpTakesTheLineDownOnceItNoLongerAnswers() {
        telephony.close();
        start(TestSip.settings(ourPort, Ports.free(), SipSettings.Transport.UDP, Optional.empty(), Optional.empty(),
                Duration.ofMillis(300)));
        register("anna", "s3cret", 3600, phoneContact(), "200", "SIP/2.0 200");
        // The phone answers Outdial's first question in the call, then is gone: no BYE, nothing on its port any more.
        Sipp phone = phone("  <recv request=\"OPTIONS\"/>\n" + SippSteps.ok());

        telephony.agentLines().nailUp(ANNA);

        phone.assertPassed();
        Await.until("the line went UP then DOWN", () -> lineChanges.size() == 3);
        assertThat(lineChanges).containsExactly("agent-anna=CALLING", "agent-anna=UP", "agent-anna=DOWN");
    }

    @Test
    void theAgentHangingUpTheirPhoneTakesTheLineDown() {
        register("anna", "s3cret", 3600, phoneContact(), "200", "SIP/2.0 200");
        Sipp phone = phone(SippSteps.farEndHangsUp("anna"));

        telephony.agentLines().nailUp(ANNA);

        phone.assertPassed();
        Await.until("the line went UP then DOWN", () -> lineChanges.size() == 3);
        assertThat(lineChanges).containsExactly("agent-anna=CALLING", "agent-anna=UP", "agent-anna=DOWN");
        assertThat(telephony.agentLines().state(ANNA)).isEqualTo(AgentLines.LineState.DOWN);
    }
}
