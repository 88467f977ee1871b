package dev.outdial.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.port.CallEvent;
import dev.outdial.engine.port.CallId;
import dev.outdial.sip.signal.DigestAuth;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Agents' phones played by SIPp: they register with Outdial's registrar (digest), get rung, answer
 * and hang up; nailed-up lines stay up under virtual legs. One SIPp registers (a client), another
 * plays the phone that is rung (a server), since a SIPp call never takes an INVITE of another Call-ID.
 */
class AgentPhonesTest {

    private static final String REALM = "outdial.test";
    private static final AgentId ANNA = new AgentId("agent-anna");

    private Path workDir;
    private final int phonePort = Ports.free();
    private final int ourPort = Ports.free();
    private final FakeMedia media = new FakeMedia();
    private final List<String> registrationChanges = new CopyOnWriteArrayList<>();
    private final List<String> lineChanges = new CopyOnWriteArrayList<>();
    private final List<Sipp> sipps = new CopyOnWriteArrayList<>();
    private SipTelephony telephony;

    @BeforeEach
    void start(TestInfo test) {
        Sipp.requireSipp();
        workDir = Sipp.workDir(test);
        SipSettings settings = new SipSettings(new InetSocketAddress("127.0.0.1", ourPort), "127.0.0.1",
                30000, 30099, new InetSocketAddress("127.0.0.1", Ports.free()), SipSettings.Transport.UDP,
                Optional.empty(), Optional.empty(), "outdial.test", REALM, Duration.ofHours(1));
        PhoneBook phones = username -> username.equals("anna")
                ? Optional.of(new PhoneBook.PhoneAccount(ANNA, "anna", DigestAuth.ha1("anna", REALM, "s3cret")))
                : Optional.empty();
        telephony = new SipTelephony(settings, phones, uri -> Optional.empty(), ignored -> media, TrunkCallsTest.TEST_T1);
        telephony.start();
        telephony.registrations().onChange((agent, registered) -> registrationChanges.add(agent.value() + "=" + registered));
        telephony.agentLines().onChange((agent, state) -> lineChanges.add(agent.value() + "=" + state));
    }

    @AfterEach
    void stop() {
        telephony.close();
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
        Sipp phone = Sipp.serve("phone-answers.xml", phonePort, Map.of("USER", "anna", "AFTER_ANSWER", afterAnswer,
                "AFTER_ANSWER_TEXT", "as the test says"), workDir);
        sipps.add(phone);
        return phone;
    }

    private static final String AGENT_HANGS_UP = """
              <send retrans="500"><![CDATA[
            BYE [next_url] SIP/2.0
            Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
            From: <sip:anna@[local_ip]:[local_port]>;tag=[pid]SIPpTag01[call_number]
            To:[$outdial]
            [last_Call-ID:]
            CSeq: 10 BYE
            Max-Forwards: 70
            Content-Length: 0

            ]]></send>
              <recv response="200" crlf="true"/>
            """;

    private static final String OUTDIAL_HANGS_UP = """
              <recv request="BYE"/>
              <send><![CDATA[
            SIP/2.0 200 OK
            [last_Via:]
            [last_From:]
            [last_To:]
            [last_Call-ID:]
            [last_CSeq:]
            Content-Length: 0

            ]]></send>
            """;

    @Test
    void aPhoneRegistersWithDigestAndIsRungAtItsContact() {
        register("anna", "s3cret", 3600, phoneContact(), "200", "Contact: .sip:anna@127\\.0\\.0\\.1:" + phonePort + ".;expires=3[0-9]{3}");
        assertThat(telephony.registrations().isRegistered(ANNA)).isTrue();
        assertThat(registrationChanges).containsExactly("agent-anna=true");
        Sipp phone = phone(AGENT_HANGS_UP);
        CallEvents events = new CallEvents();

        CallId leg = telephony.ringAgent(ANNA, Duration.ofSeconds(30), events);

        events.next(CallEvent.Ringing.class);
        assertThat(events.next(CallEvent.Answered.class).call()).isEqualTo(leg);
        assertThat(events.next(CallEvent.HungUp.class).byCalledParty()).isTrue();
        phone.assertPassed();
        events.assertNoMore();
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
        Sipp phone = phone(OUTDIAL_HANGS_UP);

        telephony.agentLines().nailUp(ANNA);
        Await.until("anna's line is UP", () -> telephony.agentLines().state(ANNA) == AgentLines.LineState.UP);

        CallEvents first = new CallEvents();
        CallId virtual = telephony.ringAgent(ANNA, Duration.ofSeconds(30), first);
        first.next(CallEvent.Answered.class);
        telephony.hangUp(virtual);
        assertThat(first.next(CallEvent.HungUp.class).byCalledParty()).isFalse();
        assertThat(telephony.agentLines().state(ANNA)).isEqualTo(AgentLines.LineState.UP);

        CallEvents second = new CallEvents();
        CallId next = telephony.ringAgent(ANNA, Duration.ofSeconds(30), second);
        assertThat(next).isNotEqualTo(virtual);
        second.next(CallEvent.Answered.class);

        telephony.agentLines().release(ANNA);

        assertThat(second.next(CallEvent.HungUp.class).byCalledParty()).isFalse();
        phone.assertPassed();
        Await.until("anna's line is DOWN", () -> telephony.agentLines().state(ANNA) == AgentLines.LineState.DOWN);
        assertThat(lineChanges).containsExactly("agent-anna=CALLING", "agent-anna=UP", "agent-anna=DOWN");
        first.assertNoMore();
        second.assertNoMore();
    }

    @Test
    void theAgentHangingUpTheirPhoneTakesTheLineDown() {
        register("anna", "s3cret", 3600, phoneContact(), "200", "SIP/2.0 200");
        Sipp phone = phone(AGENT_HANGS_UP);

        telephony.agentLines().nailUp(ANNA);

        phone.assertPassed();
        Await.until("the line went UP then DOWN", () -> lineChanges.size() == 3);
        assertThat(lineChanges).containsExactly("agent-anna=CALLING", "agent-anna=UP", "agent-anna=DOWN");
        assertThat(telephony.agentLines().state(ANNA)).isEqualTo(AgentLines.LineState.DOWN);
    }
}
