package dev.outdial.dialing;

import static dev.outdial.dialing.DialingScenario.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.media.AudioSamples;
import dev.outdial.testing.Api;
import dev.outdial.testing.Baresip;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.Sipp;
import dev.outdial.testing.TestBusiness;
import dev.outdial.testing.TestRecordings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Callers ringing a queue's number over the SIP trunk: SIPp, as the carrier, brings a caller who dialed it. The caller
 * waits in the queue over its music, presses the callback key, hears the notification and gets a ticket, or is put through to an agent's real softphone
 * (baresip), who hears them until the caller hangs up; a number no queue has is refused. Ports: 18450-18499.
 */
@OutdialIntegrationTest
@TestPropertySource(properties = {
        "outdial.telephony.mode=sip",
        "outdial.telephony.sip.listen=127.0.0.1:" + InboundCallsOverSipTest.OUTDIAL_SIP,
        "outdial.telephony.sip.trunk.address=127.0.0.1:" + InboundCallsOverSipTest.TRUNK_SIP,
        "outdial.telephony.sip.rtp-ports=18480-18499"})
@Tag("slow") // Real SIP calls against SIPp and baresip: left out of the fast suite.
@Tag("database-neutral") // Real SIP calls and media: run once, not again on PostgreSQL.
class InboundCallsOverSipTest {

    static final int OUTDIAL_SIP = 18450;
    /** The trunk's address; the carrier's calls come from its host (127.0.0.1), from a port of their own. */
    static final int TRUNK_SIP = 18451;
    private static final int CALLER_SIP = 18453;
    private static final int PHONE_SIP = 18452;
    private static final int CALLER_RTP = 18470;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Each test's numbers are its own (a number routes to one queue of the whole platform), also on a kept database. */
    private static final AtomicInteger NUMBERS = new AtomicInteger(ThreadLocalRandom.current().nextInt(4_000_000));

    @Autowired
    Api api;

    @BeforeAll
    static void toolsAreThere() {
        Sipp.require();
        Baresip.require();
    }

    private static String newNumber() {
        return "+8428" + String.format("%07d", 5_000_000 + NUMBERS.incrementAndGet());
    }

    private static long queue(TestBusiness business, String number) {
        return queue(business, number, Map.of());
    }

    private static long queue(TestBusiness business, String number, Map<String, Object> audio) {
        Map<String, Object> draft = new HashMap<>(Map.of("name", "Queue " + UUID.randomUUID(), "callbackKey", "1",
                "minSecondsBeforeCallback", 0, "maxWaitSeconds", 120, "ticketsForMissedCalls", true,
                "numbers", List.of(number)));
        draft.putAll(audio);
        return business.admin().post("/api/v1/queues", draft).expect(201).id();
    }

    private static Sipp caller(String scenario, String dialed, String caller) {
        // The carrier writes the dialed number as many do, without its "+".
        return Sipp.run(scenario, "127.0.0.1:" + OUTDIAL_SIP, "-i", "127.0.0.1", "-p", String.valueOf(CALLER_SIP),
                "-mi", "127.0.0.1", "-mp", String.valueOf(CALLER_RTP), "-m", "1", "-key", "dialed", dialed.substring(1),
                "-key", "caller", caller);
    }

    private static List<JsonNode> calls(TestBusiness business, long queue) {
        List<JsonNode> calls = new ArrayList<>();
        business.admin().get("/api/v1/queues/" + queue + "/calls").expect(200).json().forEach(calls::add);
        return calls;
    }

    private static JsonNode onlyCall(TestBusiness business, long queue, String state, String what) {
        return waitFor(() -> calls(business, queue), calls -> calls.size() == 1
                && calls.getFirst().get("state").asString().equals(state), what, PATIENCE).getFirst();
    }

    @Test
    void aCallerWhoPressesTheCallbackKeyOverTheMusicGetsACallbackTicketAndIsHungUpAfterTheNotification() {
        TestBusiness business = api.newBusiness("SipQueueKeys");
        String number = newNumber();
        long music = business.admin().upload("/api/v1/audio", "music.wav", AudioSamples.wav(3000)).expect(201).id();
        long notification = business.admin().upload("/api/v1/audio", "thanks.wav", AudioSamples.wav(500)).expect(201).id();
        // Looped music left playing would keep the notification from starting, and the call from ever ending.
        long queue = queue(business, number, Map.of("waitingMusicAudioId", music, "notificationAudioId", notification));

        try (Sipp caller = caller("caller-presses-1.xml", number, "0912600001")) {
            JsonNode ended = onlyCall(business, queue, "ENDED", "the caller's request to end the call; " + caller.screen());
            assertThat(ended.get("result").asString()).isEqualTo("CALLBACK_REQUESTED");
            assertThat(ended.get("callerNumber").asString()).as("read in the business's country").isEqualTo("+84912600001");
            assertThat(caller.awaitExit(PATIENCE)).as("the caller hung up by Outdial; " + caller.screen()).isZero();
        }
        List<JsonNode> tickets = waitFor(() -> {
            List<JsonNode> found = new ArrayList<>();
            business.admin().get("/api/v1/tickets?channel=CALLBACK").expect(200).json().get("items").forEach(found::add);
            return found;
        }, found -> !found.isEmpty(), "the callback ticket");
        assertThat(tickets).singleElement().satisfies(ticket -> {
            assertThat(ticket.get("phone").asString()).isEqualTo("+84912600001");
            assertThat(ticket.get("queueId").asLong()).isEqualTo(queue);
        });
    }

    @Test
    void aWithheldCallerWhoAsksForACallbackOpensNoTicketThatCouldNotBeDialed() {
        TestBusiness business = api.newBusiness("SipQueueWithheld");
        String number = newNumber();
        long queue = queue(business, number);

        try (Sipp caller = caller("caller-presses-1.xml", number, "anonymous")) {
            JsonNode ended = onlyCall(business, queue, "ENDED", "the caller's request to end the call; " + caller.screen());
            assertThat(ended.get("result").asString()).isEqualTo("CALLBACK_REQUESTED");
            assertThat(ended.get("callerNumber").asString()).isEqualTo("anonymous");
            assertThat(caller.awaitExit(PATIENCE)).as("the caller hung up by Outdial; " + caller.screen()).isZero();
        }
        assertThat(business.admin().get("/api/v1/tickets").expect(200).json().get("items")).isEmpty();
    }

    /** A business whose queue (its number) is taken by the agent of a running auto-callback campaign, on baresip. */
    private record QueueDesk(TestBusiness business, DialingScenario callback, TestBusiness.Person agent, long queue,
                             String number, String sipUser) {

        static final String PASSWORD = "Queue-phone-secret-3";

        static QueueDesk of(Api api, String name) {
            return of(api, name, Map.of());
        }

        static QueueDesk of(Api api, String name, Map<String, Object> settings) {
            TestBusiness business = api.newBusiness(name);
            // The agents of a running auto-callback campaign take the business's queue calls.
            DialingScenario callback = DialingScenario.running(business, "AUTO_CALLBACK", Map.of("wrapUpSeconds", 0));
            TestBusiness.Person agent = callback.fixtures.agent;
            String sipUser = "queue-" + UUID.randomUUID().toString().substring(0, 8);
            business.admin().put("/api/v1/users/" + agent.id() + "/phone",
                    Map.of("sipUsername", sipUser, "sipPassword", PASSWORD)).expect(200);
            String number = newNumber();
            return new QueueDesk(business, callback, agent, InboundCallsOverSipTest.queue(business, number, settings),
                    number, sipUser);
        }

        /** The agent's softphone, registered, the agent ready for queue calls. */
        Baresip phone() {
            Baresip phone = Baresip.phone(sipUser, PASSWORD, "127.0.0.1:" + OUTDIAL_SIP, PHONE_SIP, "18460-18469");
            try {
                waitFor(() -> business.admin().get("/api/v1/users/" + agent.id() + "/phone").expect(200).json()
                        .get("registered").asBoolean(), registered -> registered, "baresip to register; " + phone.screen());
                callback.ready(agent);
                return phone;
            } catch (RuntimeException | AssertionError failed) {
                phone.close();
                throw failed;
            }
        }
    }

    @Test
    void aQueueCallRingsTheAgentsSoftphoneAndTheAgentHearsTheCaller() {
        QueueDesk desk = QueueDesk.of(api, "SipQueueAgent");

        try (Baresip phone = desk.phone();
             AgentEventsReader events = new AgentEventsReader(api.baseUrl(), desk.agent().email(), "person-password");
             Sipp caller = caller("caller-talks.xml", desk.number(), "+84912600002")) {
            JsonNode talking = onlyCall(desk.business(), desk.queue(), "TALKING", "baresip to answer the queue call; "
                    + phone.screen() + caller.screen());
            assertThat(talking.get("agentId").asLong()).isEqualTo(desk.agent().id());
            // The agent answered on their phone; their screen still shows who is on the line.
            waitFor(() -> events.all("queue-call"), told -> told.stream().anyMatch(call ->
                    call.get("state").asString().equals("TALKING")
                            && call.get("callerNumber").asString().equals("+84912600002")), "the screen pop");
            waitFor(phone::framesHeardWithSound, frames -> frames >= 10,
                    "baresip to hear 200 ms of the caller's voice; " + phone.screen());

            JsonNode ended = onlyCall(desk.business(), desk.queue(), "ENDED", "the caller to hang up; " + caller.screen());
            assertThat(ended.get("result").asString()).isEqualTo("ANSWERED");
            assertThat(ended.get("howEnded").asString()).isEqualTo("CUSTOMER_HUNG_UP");
            assertThat(caller.awaitExit(PATIENCE)).as("the caller's BYE answered; " + caller.screen()).isZero();
            waitFor(phone::hungUpByOutdial, hungUp -> hungUp, "Outdial to hang up the agent's phone after the caller; "
                    + phone.screen());
        }
    }

    @Test
    void aRecordingQueueKeepsTheCallFromTheAgentsAnswerWithTheCallersVoiceAndTheAgentPausesIt() {
        QueueDesk desk = QueueDesk.of(api, "SipQueueRecorded", Map.of("recordCalls", true));
        String callId;
        try (Baresip phone = desk.phone();
             Sipp caller = caller("caller-stays.xml", desk.number(), "+84912600005")) {
            callId = onlyCall(desk.business(), desk.queue(), "TALKING", "baresip to answer the queue call; "
                    + phone.screen() + caller.screen()).get("id").asString();
            String recording = "/api/v1/calls/" + callId + "/recording";
            desk.agent().client().post(recording + "/pause").expect(204);
            desk.agent().client().post(recording + "/resume").expect(204);
            desk.business().person("AGENT", "other-taker").client().post(recording + "/pause").expect(404);
            waitFor(phone::framesHeardWithSound, frames -> frames >= 10,
                    "baresip to hear 200 ms of the caller's voice; " + phone.screen());

            desk.agent().client().post("/api/v1/me/phone/hangup").expect(204);
            assertThat(caller.awaitExit(PATIENCE)).as("the caller hung up by Outdial; " + caller.screen()).isZero();
        }
        JsonNode listed = waitFor(() -> desk.business().admin().get("/api/v1/queues/" + desk.queue() + "/recordings")
                .expect(200).json(), list -> list.size() == 1, "the queue call's recording to be kept");
        assertThat(listed.get(0).get("callId").asString()).isEqualTo(callId);
        assertThat(listed.get(0).get("callerNumber").asString()).isEqualTo("+84912600005");
        assertThat(listed.get(0).get("agentId").asLong()).isEqualTo(desk.agent().id());
        Api.Download wav = desk.business().admin().download("/api/v1/calls/" + callId + "/recording");
        assertThat(wav.status()).isEqualTo(200);
        assertThat(wav.body()[22]).as("two channels").isEqualTo((byte) 2);
        assertThat(wav.body().length).isEqualTo(listed.get(0).get("sizeBytes").asLong());
        assertThat(TestRecordings.leftChannelCarriesSound(wav.body())).as("the caller's voice on the left").isTrue();
        desk.agent().client().post("/api/v1/calls/" + callId + "/recording/pause").expect(404);
        // a queue call's line too: the caller's audio, and the tone baresip sent while bridged to them
        JsonNode quality = waitFor(() -> desk.business().admin().get("/api/v1/calls/" + callId + "/activity")
                .expect(200).json().get("quality"), kept -> !kept.isNull(), "the queue call's line quality to be kept");
        assertThat(quality.get("customer").get("packetsExpected").asLong()).as("the caller's audio").isPositive();
        assertThat(quality.get("agent").get("packetsExpected").asLong()).as("the agent's phone's, while bridged")
                .isPositive();
    }

    @Test
    void anAgentWhoAnsweredOnTheirPhoneCanHangUpFromTheirPage() {
        QueueDesk desk = QueueDesk.of(api, "SipQueueHangUp");

        try (Baresip phone = desk.phone()) {
            desk.agent().client().post("/api/v1/me/phone/hangup").expect(409);

            try (Sipp caller = caller("caller-stays.xml", desk.number(), "+84912600004")) {
                onlyCall(desk.business(), desk.queue(), "TALKING", "baresip to answer the queue call; " + phone.screen()
                        + caller.screen());

                desk.agent().client().post("/api/v1/me/phone/hangup").expect(204);

                assertThat(caller.awaitExit(PATIENCE)).as("the caller hung up by Outdial; " + caller.screen()).isZero();
                assertThat(onlyCall(desk.business(), desk.queue(), "ENDED", "the call to end").get("result").asString())
                        .isEqualTo("ANSWERED");
                waitFor(phone::hungUpByOutdial, hungUp -> hungUp, "Outdial to hang up the agent's phone too; "
                        + phone.screen());
            }
        }
    }

    @Test
    void aNumberNoQueueHasIsRefusedAndNothingIsQueued() {
        TestBusiness business = api.newBusiness("SipNoQueue");
        long queue = queue(business, newNumber());

        try (Sipp caller = caller("caller-refused.xml", newNumber(), "0912600003")) {
            assertThat(caller.awaitExit(PATIENCE)).as("the caller refused 404; " + caller.screen()).isZero();
        }
        assertThat(calls(business, queue)).isEmpty();
    }
}
