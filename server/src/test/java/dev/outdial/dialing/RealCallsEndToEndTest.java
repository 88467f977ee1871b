package dev.outdial.dialing;

import static dev.outdial.dialing.DialingScenario.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.Sipp;
import dev.outdial.testing.TestBusiness;
import dev.outdial.testing.TestRecordings;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Real calls end to end (issue 12): the server in sip mode against SIPp as the carrier and as an
 * agent's phone. The phone registers with digest, the agent goes Available in a progressive
 * campaign and their phone answers the nailed-up line; a busy number is BUSY, an answered customer
 * is bridged to the agent at once (their audio reaches the agent's RTP port) and the agent's word
 * is saved. Ports: this branch's range, 18350-18399.
 */
@OutdialIntegrationTest
@TestPropertySource(properties = {
        "outdial.telephony.mode=sip",
        "outdial.telephony.sip.listen=127.0.0.1:" + RealCallsEndToEndTest.OUTDIAL_SIP,
        "outdial.telephony.sip.trunk.address=127.0.0.1:" + RealCallsEndToEndTest.CARRIER_SIP,
        "outdial.telephony.sip.rtp-ports=18380-18399",
        "outdial.telephony.sip.keep-alive=1s"})
@Tag("slow") // Real SIP calls against SIPp: left out of the fast suite.
@Tag("database-neutral") // Real SIP calls and media: run once, not again on PostgreSQL.
class RealCallsEndToEndTest {

    static final int OUTDIAL_SIP = 18350;
    static final int CARRIER_SIP = 18351;
    private static final int CARRIER_RTP = 18370;
    private static final int PHONE_SIP = 18352;
    private static final int PHONE_RTP = 18356;
    private static final int LISTENER_SIP = 18353;
    private static final int LISTENER_RTP = 18358;
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    Api api;
    @Autowired
    JdbcClient db;

    @BeforeAll
    static void sippIsThere() {
        Sipp.require();
    }

    @Test
    void aProgressiveCampaignCallsThroughTheTrunkAndBridgesTheAnsweredCustomerToTheAgentsPhone() throws Exception {
        TestBusiness business = api.newBusiness("RealCalls");
        // The carrier's customer talks at once and on, as a recorded greeting does: with detection it is a machine.
        DialingScenario progressive = DialingScenario.running(business, "PROGRESSIVE",
                Map.of("wrapUpSeconds", 0, "answeringMachineDetection", false, "recordCalls", true));
        TestBusiness.Person agent = progressive.fixtures.agent;

        withTheAgentOnTheLine(business, progressive, (carrier, agentsEar) -> {
            List<Long> customers = progressive.add("+84919510001", "+84919510003");
            long busy = customers.get(0);
            long answering = customers.get(1);

            JsonNode connected = waitFor(() -> progressive.callsOf(answering),
                    calls -> calls.stream().anyMatch(call -> call.has("connectedAt")),
                    "the answered customer to be bridged to the agent; carrier: " + carrier.screen())
                    .stream().filter(call -> call.has("connectedAt")).findFirst().orElseThrow();
            assertThat(connected.get("agentId").asLong()).isEqualTo(agent.id());
            assertThat(connected.get("connectLatencyMillis").asLong()).isNotNegative();
            assertThat(voicePacketsHeard(agentsEar, 10)).as("the customer's voice relayed to the agent's phone")
                    .isGreaterThanOrEqualTo(10);
            // SIPp's recording speaks up after its first second: the call goes on that long, for its own recording
            assertThat(voicePacketsHeard(agentsEar, 60)).isGreaterThanOrEqualTo(60);

            String callId = connected.get("id").asString();
            // while the customer reads out a card number: kept as silence
            agent.client().post("/api/v1/calls/" + callId + "/recording/pause").expect(204);
            agent.client().post("/api/v1/calls/" + callId + "/recording/resume").expect(204);
            // on hold the customer, who talks on, hears the hold tone and the agent's phone gets silence
            agent.client().post("/api/v1/calls/" + callId + "/hold").expect(204);
            assertThat(silentPacketsInARow(agentsEar, 25)).as("half a second of silence on the agent's phone").isTrue();
            agent.client().post("/api/v1/calls/" + callId + "/unhold").expect(204);
            assertThat(voicePacketsHeard(agentsEar, 10)).as("the customer heard again").isGreaterThanOrEqualTo(10);
            agent.client().post("/api/v1/calls/" + callId + "/hangup").expect(204);
            JsonNode ended = progressive.waitForCallEnd(agent.client(), callId);
            agent.client().post("/api/v1/calls/" + callId + "/recording/pause").expect(409);
            assertThat(ended.get("result").asString()).isEqualTo("SUCCESS");
            assertThat(ended.get("howEnded").asString()).isEqualTo("AGENT_HUNG_UP");
            JsonNode disposed = progressive.dispose(agent, callId, "DONE", Map.of());
            assertThat(disposed.get("next").asString()).isEqualTo("DONE");
            progressive.waitForStatus(answering, "SUCCESS");

            JsonNode busyCall = endedCallOf(progressive, busy);
            assertThat(busyCall.get("result").asString()).isEqualTo("BUSY");
            assertThat(busyCall.has("howEnded")).as("never answered: its result says why").isFalse();
            assertThat(trunkAnswers(business, busyCall.get("id").asString()).get(0).get("status").asInt())
                    .as("what the carrier answered, kept with the call").isEqualTo(486);
            JsonNode answered = trunkAnswers(business, callId).get(0);
            assertThat(answered.get("status").asInt()).isEqualTo(200);
            assertThat(answered.get("reason").asString()).isEqualTo("OK");
            assertThat(answered.get("trunk").asString()).startsWith("127.0.0.1:");
            theCallIsRecorded(business, progressive, callId, agent);
            JsonNode quality = waitFor(() -> business.admin().get("/api/v1/calls/" + callId + "/activity").expect(200)
                    .json().get("quality"), kept -> !kept.isNull(), "the line's quality to be kept with the call");
            JsonNode customersAudio = quality.get("customer");
            assertThat(customersAudio.get("packetsExpected").asLong())
                    .as("the customer's seconds of audio, counted as they came").isGreaterThanOrEqualTo(50);
            assertThat(customersAudio.get("packetsLost").asLong()).as("SIPp's capture over loopback")
                    .isLessThan(customersAudio.get("packetsExpected").asLong() / 20);
            assertThat(customersAudio.get("meanOpinionScore").asDouble()).isBetween(1.0, 4.41);
            assertThat(quality.get("agent").isNull()).as("the agent's phone here listens and sends nothing").isTrue();
            // the carrier answers its keep-alive (every second here): the operator's alerting sees the trunk up
            waitFor(() -> api.operator().withHeader("Accept", "text/plain").get("/actuator/prometheus").expect(200)
                    .body().lines().filter(line -> line.startsWith("outdial_sip_trunk_up{trunk=\"primary\"")).toList(),
                    trunk -> trunk.size() == 1 && trunk.getFirst().endsWith(" 1.0"), "the trunk up in the scrape");
        });
    }

    @Test
    void aSupervisorListensInOnTheirOwnPhoneHearsTheCustomerAndIsHungUpWithTheCall() throws Exception {
        TestBusiness business = api.newBusiness("RealListening");
        DialingScenario progressive = DialingScenario.running(business, "PROGRESSIVE",
                Map.of("wrapUpSeconds", 0, "answeringMachineDetection", false));
        TestBusiness.Person agent = progressive.fixtures.agent;
        TestBusiness.Person supervisor = business.person("SUPERVISOR", "listener");
        business.admin().put("/api/v1/users/" + supervisor.id() + "/phone",
                Map.of("sipUsername", "e2e-listener", "sipPassword", "E2e-phone-secret-7")).expect(200);
        try {
            withTheAgentOnTheLine(business, progressive, (carrier, agentsEar) -> {
                long answering = progressive.add("+84919510013").getFirst();
                String callId = waitFor(() -> progressive.callsOf(answering),
                        calls -> calls.stream().anyMatch(call -> call.has("connectedAt")),
                        "the answered customer to be bridged to the agent; carrier: " + carrier.screen())
                        .getFirst().get("id").asString();
                try (Sipp registering = Sipp.run("listener-register.xml", "127.0.0.1:" + OUTDIAL_SIP, "-i",
                        "127.0.0.1", "-p", String.valueOf(LISTENER_SIP), "-m", "1")) {
                    assertThat(registering.awaitExit(PATIENCE)).as(registering.screen()).isZero();
                }
                try (DatagramSocket supervisorsEar = new DatagramSocket(LISTENER_RTP, InetAddress.getLoopbackAddress());
                     Sipp phone = Sipp.run("phone-answer.xml", "-i", "127.0.0.1", "-p", String.valueOf(LISTENER_SIP),
                             "-m", "1", "-key", "rtp_port", String.valueOf(LISTENER_RTP), "-aa")) {
                    supervisor.client().post("/api/v1/calls/" + callId + "/listen").expect(202);

                    assertThat(voicePacketsHeard(supervisorsEar, 30)).as("the customer's voice, heard by the supervisor")
                            .isGreaterThanOrEqualTo(30);
                    agent.client().post("/api/v1/calls/" + callId + "/hangup").expect(204);
                    progressive.waitForCallEnd(agent.client(), callId);
                    assertThat(phone.awaitExit(PATIENCE)).as("the supervisor's phone hung up with the call; "
                            + phone.screen()).isZero();
                }
                supervisor.client().post("/api/v1/calls/" + callId + "/listen").expect(409);
            });
        } finally {
            business.admin().delete("/api/v1/users/" + supervisor.id() + "/phone").expect(204);
        }
    }

    /** The campaign records: the answered call's recording is listed and played to admins, not to agents or others. */
    private void theCallIsRecorded(TestBusiness business, DialingScenario campaign, String callId,
                                   TestBusiness.Person agent) {
        String recordings = "/api/v1/campaigns/" + campaign.campaignId + "/recordings";
        JsonNode listed = waitFor(() -> business.admin().get(recordings).expect(200).json(),
                list -> list.size() == 1, "the answered call's recording to be kept");
        assertThat(listed.get(0).get("callId").asString()).as("the busy call has none").isEqualTo(callId);
        assertThat(listed.get(0).get("lengthMillis").asLong()).isPositive();
        Api.Download wav = business.admin().download("/api/v1/calls/" + callId + "/recording");
        assertThat(wav.status()).isEqualTo(200);
        assertThat(wav.contentType()).startsWith("audio/wav");
        assertThat(new String(wav.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(wav.body()[22]).as("two channels").isEqualTo((byte) 2);
        assertThat(wav.body().length).isEqualTo(listed.get(0).get("sizeBytes").asLong());
        assertThat(db.sql("select audio_encoding from call_recording where call_id = :call").param("call", callId)
                .query(String.class).single()).as("the adapter's WAV kept in µ-law").isEqualTo("MULAW");
        // SIPp's g711a.pcap is quiet speech, well above the silence a leg hears
        assertThat(TestRecordings.leftChannelCarriesSound(wav.body())).as("the customer's voice on the left").isTrue();
        agent.client().get("/api/v1/calls/" + callId + "/recording").expect(403);
        TestBusiness other = api.newBusiness("RealCallsOther");
        assertThat(other.admin().download("/api/v1/calls/" + callId + "/recording").status()).isEqualTo(404);
        other.admin().get(recordings).expect(404);
    }

    @Test
    void aCampaignListeningForMachinesHangsUpOnARecordedVoiceAndNeverPutsItThrough() throws Exception {
        TestBusiness business = api.newBusiness("RealMachines");
        DialingScenario progressive = DialingScenario.running(business, "PROGRESSIVE",
                Map.of("wrapUpSeconds", 0, "answeringMachineDetection", true));

        withTheAgentOnTheLine(business, progressive, (carrier, agentsEar) -> {
            long machine = progressive.add("+84919510005").getFirst();

            JsonNode call = endedCallOf(progressive, machine);
            assertThat(call.get("result").asString()).isEqualTo("MACHINE");
            assertThat(call.get("howEnded").asString()).as("Outdial hung up on the greeting")
                    .isEqualTo("PLATFORM_HUNG_UP");
            assertThat(call.has("connectedAt")).as("no agent hears the greeting").isFalse();
            assertThat(call.has("answeredAt")).isTrue();
            progressive.waitForStatus(machine, "RETRY");
        });
    }

    /** What a test does with the carrier up and the campaign's agent Available on their phone's nailed-up line. */
    private interface OnTheLine {
        void run(Sipp carrier, DatagramSocket agentsEar) throws Exception;
    }

    /**
     * Starts SIPp as the carrier, registers the agent's phone (a SIPp phone whose RTP port the test listens on) and
     * makes the agent Available so that the phone answers the line; runs {@code test}, and checks that going Not
     * available has Outdial hang the line up.
     */
    private static void withTheAgentOnTheLine(TestBusiness business, DialingScenario campaign, OnTheLine test)
            throws Exception {
        TestBusiness.Person agent = campaign.fixtures.agent;
        // The SIPp phone's account; unique on the platform (one registrar), so it is freed again after the test.
        business.admin().put("/api/v1/users/" + agent.id() + "/phone",
                Map.of("sipUsername", "e2e-agent", "sipPassword", "E2e-phone-secret-7")).expect(200);
        try {
            onTheLine(business, campaign, agent, test);
        } finally {
            business.admin().delete("/api/v1/users/" + agent.id() + "/phone").expect(204);
        }
    }

    private static void onTheLine(TestBusiness business, DialingScenario campaign, TestBusiness.Person agent,
                                  OnTheLine test) throws Exception {
        try (Sipp carrier = Sipp.run("carrier.xml", "-i", "127.0.0.1", "-p", String.valueOf(CARRIER_SIP),
                "-mi", "127.0.0.1", "-mp", String.valueOf(CARRIER_RTP), "-aa");
             DatagramSocket agentsEar = new DatagramSocket(PHONE_RTP, InetAddress.getLoopbackAddress())) {
            waitFor(() -> business.admin().get("/api/v1/telephony").expect(200).json().get("trunk").get("state").asString(),
                    "UP"::equals, "the trunk to answer OPTIONS; carrier: " + carrier.screen());

            try (Sipp registering = Sipp.run("phone-register.xml", "127.0.0.1:" + OUTDIAL_SIP, "-i", "127.0.0.1",
                    "-p", String.valueOf(PHONE_SIP), "-m", "1")) {
                assertThat(registering.awaitExit(PATIENCE)).as(registering.screen()).isZero();
            }
            assertThat(business.admin().get("/api/v1/users/" + agent.id() + "/phone").expect(200).json()
                    .get("registered").asBoolean()).isTrue();

            // -aa: the phone answers the OPTIONS Outdial asks its line whether it is still there with (keep-alive)
            try (Sipp phone = Sipp.run("phone-answer.xml", "-i", "127.0.0.1", "-p", String.valueOf(PHONE_SIP),
                    "-m", "1", "-key", "rtp_port", String.valueOf(PHONE_RTP), "-aa")) {
                campaign.ready(agent);
                waitFor(() -> agent.client().get("/api/v1/me/state").expect(200).json().get("phoneLine").asString(),
                        "UP"::equals, "the agent's phone to answer the nailed-up line; phone: " + phone.screen());

                test.run(carrier, agentsEar);

                agent.client().put("/api/v1/me/state", Map.of("state", "NOT_AVAILABLE")).expect(200);
                assertThat(phone.awaitExit(PATIENCE)).as("the phone's line hung up by Outdial; " + phone.screen()).isZero();
            }
        }
    }

    /** What the carrier's trunks answered the call, once kept (a moment after it ended). */
    private static JsonNode trunkAnswers(TestBusiness business, String callId) {
        return waitFor(() -> business.admin().get("/api/v1/calls/" + callId + "/activity").expect(200).json()
                .get("trunkAnswers"), kept -> !kept.isEmpty(), "the trunks' answers to be kept with call " + callId);
    }

    private static JsonNode endedCallOf(DialingScenario campaign, long customer) {
        return waitFor(() -> campaign.callsOf(customer), calls -> calls.stream().anyMatch(call -> call.has("result")),
                "the call to customer " + customer + " to end").stream().filter(call -> call.has("result"))
                .findFirst().orElseThrow();
    }

    /**
     * Reads the RTP arriving at the agent's phone until {@code wanted} packets carried sound, not the
     * silence a leg hears before it is bridged (µ-law 0xFF and 0x7F), or none came for a while.
     */
    private static int voicePacketsHeard(DatagramSocket socket, int wanted) throws Exception {
        socket.setSoTimeout((int) PATIENCE.toMillis());
        byte[] buffer = new byte[2048];
        int heard = 0;
        try {
            while (heard < wanted) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                boolean rtpVersion2 = packet.getLength() > 12 && (buffer[0] & 0xC0) == 0x80;
                if (rtpVersion2 && carriesSound(buffer, packet.getLength())) {
                    heard++;
                }
            }
        } catch (SocketTimeoutException quiet) {
            return heard;
        }
        return heard;
    }

    /** Whether {@code wanted} RTP packets in a row carry only silence within the patience. */
    private static boolean silentPacketsInARow(DatagramSocket socket, int wanted) throws Exception {
        socket.setSoTimeout((int) PATIENCE.toMillis());
        byte[] buffer = new byte[2048];
        int inARow = 0;
        try {
            while (inARow < wanted) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                boolean rtpVersion2 = packet.getLength() > 12 && (buffer[0] & 0xC0) == 0x80;
                inARow = rtpVersion2 && !carriesSound(buffer, packet.getLength()) ? inARow + 1 : 0;
            }
            return true;
        } catch (SocketTimeoutException quiet) {
            return false;
        }
    }

    private static boolean carriesSound(byte[] packet, int length) {
        for (int i = 12; i < length; i++) {
            if (packet[i] != (byte) 0xFF && packet[i] != (byte) 0x7F) {
                return true;
            }
        }
        return false;
    }
}
