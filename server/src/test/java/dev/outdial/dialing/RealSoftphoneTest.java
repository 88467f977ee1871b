package dev.outdial.dialing;

import static dev.outdial.dialing.DialingScenario.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.Baresip;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.Sipp;
import dev.outdial.testing.TestBusiness;
import dev.outdial.testing.TestRecordings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A real softphone as the agent's phone: baresip registers with digest, answers the nailed-up line itself and
 * hears the customer Outdial dialed through the carrier (SIPp), whether the system dialed them (progressive), the
 * agent did (manual) or the preview's time ran out, or the agent's phone was rung first (auto callback), as a
 * contact center's agents' phones do; the customer an agent dialed heard ringing on the line before they answer; and,
 * progressive, the softphone's own Hold and Resume kept with the call. SIPp's
 * phone scenarios cover what a script can say; this covers what a softphone's own SIP and RTP stack does with
 * Outdial's requests (its registration refreshes, its SDP answer, its codec choice). Ports: 18400-18449.
 */
@OutdialIntegrationTest
@TestPropertySource(properties = {
        "outdial.telephony.mode=sip",
        "outdial.telephony.sip.listen=127.0.0.1:" + RealSoftphoneTest.OUTDIAL_SIP,
        "outdial.telephony.sip.trunk.address=127.0.0.1:" + RealSoftphoneTest.CARRIER_SIP,
        "outdial.telephony.sip.rtp-ports=18430-18449",
        "outdial.telephony.sip.keep-alive=1s"})
@Tag("slow") // A real softphone and real SIP calls: left out of the fast suite.
@Tag("database-neutral") // Real SIP calls and media: run once, not again on PostgreSQL.
class RealSoftphoneTest {

    static final int OUTDIAL_SIP = 18400;
    static final int CARRIER_SIP = 18401;
    static final int SRTP_OUTDIAL_SIP = 18500;
    static final int SRTP_CARRIER_SIP = 18501;

    static final int SRTP_OUTDIAL_TLS = 18503;

    /**
     * Where the carrier and the phone of one Spring context listen, where the phone registers, and whether it does
     * over TLS and insists on SRTP.
     */
    private record Line(String registrar, int carrierSip, int phoneSip, String phoneRtp, int carrierRtp,
                        boolean secure) {
    }

    private static final Line PLAIN = new Line("127.0.0.1:" + OUTDIAL_SIP, CARRIER_SIP, 18402, "18410-18419", 18420,
            false);
    private static final Line SECURE = new Line("127.0.0.1:" + SRTP_OUTDIAL_TLS, SRTP_CARRIER_SIP, 18504, "18510-18519",
            18520, true);

    @Autowired
    Api api;

    @BeforeAll
    static void toolsAreThere() {
        Sipp.require();
        Baresip.require();
    }

    /** The agent puts the customer on hold with the softphone's Hold and takes them off: the call keeps both. */
    private static void heldWithThePhonesOwnButton(TestBusiness business, TestBusiness.Person agent, String callId,
                                                   Baresip phone) {
        String activity = "/api/v1/calls/" + callId + "/activity";
        phone.type("/hold");
        waitFor(() -> business.admin().get(activity).expect(200).json(), kept -> kept.get("holds").asInt() == 1,
                "baresip's hold (a re-INVITE, sendonly) kept with the call; " + phone.screen());
        phone.type("/resume");
        JsonNode steps = waitFor(() -> business.admin().get(activity).expect(200).json().get("steps"),
                kept -> kept.size() == 2, "baresip's resume kept with the call; " + phone.screen());
        assertThat(steps.valueStream().map(step -> step.get("kind").asString() + " by " + step.get("userId").asLong()))
                .containsExactly("HOLD by " + agent.id(), "UNHOLD by " + agent.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PROGRESSIVE", "MANUAL", "PREVIEW", "AUTO_CALLBACK"})
    void baresipAnswersTheAgentsLineAndHearsTheCustomerPutThrough(String dialMode) {
        TestBusiness business = api.newBusiness("Softphone");
        DialingScenario campaign = DialingScenario.running(business, dialMode, switch (dialMode) {
            case "MANUAL" -> Map.of();
            case "PREVIEW" -> Map.of("wrapUpSeconds", 0, "previewSeconds", 1);
            // The carrier's customer talks at once and on, as a recorded greeting does: with detection, a machine.
            case "PROGRESSIVE" -> Map.of("wrapUpSeconds", 0, "answeringMachineDetection", false);
            default -> Map.of("wrapUpSeconds", 0);
        });
        try (Sipp carrier = carrier(PLAIN); Baresip phone = readyOnBaresip(business, campaign, dialMode, PLAIN)) {
            TestBusiness.Person agent = campaign.fixtures.agent;
            long customer = campaign.add("+84919520002").getFirst();
            if (dialMode.equals("MANUAL")) {
                campaign.getAndDial(agent, customer);
            }
            String callId = connected(campaign, customer, carrier);
            waitFor(phone::framesHeardWithSound, frames -> frames >= 10,
                    "baresip to hear 200 ms of the customer's voice; " + phone.screen());
            if (dialMode.equals("PROGRESSIVE")) {
                heldWithThePhonesOwnButton(business, agent, callId, phone);
            }
            hungUpAndDisposed(campaign, callId, phone);
        }
    }

    @Test
    void baresipOnTheLineHearsTheCustomerItDialedRingBeforeTheyAnswer() {
        TestBusiness business = api.newBusiness("Ringing");
        DialingScenario campaign = DialingScenario.running(business, "MANUAL", Map.of());
        try (Sipp carrier = carrier(PLAIN); Baresip phone = readyOnBaresip(business, campaign, "MANUAL", PLAIN)) {
            TestBusiness.Person agent = campaign.fixtures.agent;
            // The carrier rings a number ending in 4444 for four seconds, with no audio of its own.
            long customer = campaign.add("+84919524444").getFirst();
            campaign.getAndDial(agent, customer);

            waitFor(phone::framesHeardWithSound, frames -> frames >= 25,
                    "baresip to hear half a second of the ring-back; " + phone.screen());
            assertThat(campaign.callsOf(customer)).as("heard while the customer's phone still rang").isNotEmpty()
                    .allMatch(call -> call.has("ringingAt") && !call.has("answeredAt"));
            String callId = connected(campaign, customer, carrier);
            hungUpAndDisposed(campaign, callId, phone);
        }
    }

    /**
     * The same softphone registered over TLS and insisting on SRTP (baresip's {@code mediaenc=srtp-mand}, libre's own
     * SRTP), Outdial set to ring agents' phones in SRTP only: a context of its own, on ports of its own (18500-18549).
     * Outdial's certificate is the test's, for 127.0.0.1, given as PEM files, which the phone is told to trust.
     */
    @Nested
    @TestPropertySource(properties = {
            "outdial.telephony.sip.listen=127.0.0.1:" + SRTP_OUTDIAL_SIP,
            "outdial.telephony.sip.tls.port=" + SRTP_OUTDIAL_TLS,
            "outdial.telephony.sip.tls.certificate=src/test/resources/tls/outdial.pem",
            "outdial.telephony.sip.tls.private-key=src/test/resources/tls/outdial-key.pem",
            "outdial.telephony.sip.trunk.address=127.0.0.1:" + SRTP_CARRIER_SIP,
            "outdial.telephony.sip.rtp-ports=18530-18549",
            "outdial.telephony.sip.phone-srtp=true"})
    class OverTlsAndSrtp {

        @Autowired
        Api api;

        @Test
        void baresipOverTlsTakingSrtpOnlyHearsTheCustomerAndTheCustomerHearsIt() {
            TestBusiness business = api.newBusiness("SrtpSoftphone");
            DialingScenario campaign = DialingScenario.running(business, "PROGRESSIVE",
                    Map.of("wrapUpSeconds", 0, "answeringMachineDetection", false, "recordCalls", true));
            String callId;
            try (Sipp carrier = carrier(SECURE);
                 Baresip phone = readyOnBaresip(business, campaign, "PROGRESSIVE", SECURE)) {
                long customer = campaign.add("+84919520003").getFirst();
                callId = connected(campaign, customer, carrier);
                // Outdial's SRTP, decrypted by baresip's own
                waitFor(phone::framesHeardWithSound, frames -> frames >= 10,
                        "baresip to hear 200 ms of the customer's voice; " + phone.screen());
                hungUpAndDisposed(campaign, callId, phone);
            }
            // baresip's SRTP, decrypted by Outdial: its tone is what the customer heard, the recording's right channel
            String recordings = "/api/v1/campaigns/" + campaign.campaignId + "/recordings";
            waitFor(() -> business.admin().get(recordings).expect(200).json(), list -> list.size() == 1,
                    "the call's recording to be kept");
            Api.Download wav = business.admin().download("/api/v1/calls/" + callId + "/recording");
            assertThat(TestRecordings.rightChannelShareAt(wav.body(), 440)).as("baresip's 440 Hz tone, decrypted")
                    .isGreaterThan(0.8);
        }

        @Test
        void theAdminSeesTheCertificateSipOverTlsShows() {
            TestBusiness business = api.newBusiness("TlsCertificate");
            JsonNode certificate = business.admin().get("/api/v1/telephony").expect(200).json().get("certificate");
            assertThat(certificate.get("subject").asString()).isEqualTo("CN=Outdial test");
            assertThat(Instant.parse(certificate.get("validUntil").asString())).as("the PEM file's certificate's")
                    .isEqualTo(Instant.parse("2126-11-13T15:42:41Z"));
            assertThat(certificate.get("renewalProblem").isNull()).as("no renewal refused").isTrue();
            String scrape = api.operator().withHeader("Accept", "text/plain").get("/actuator/prometheus").expect(200)
                    .body();
            assertThat(scrape).as("the operator's alerting sees when it expires")
                    .contains("outdial_sip_tls_certificate_expiry_timestamp_seconds 4.950258161E9")
                    .contains("outdial_sip_tls_certificate_renewal_refused 0.0");
        }
    }

    private static Sipp carrier(Line line) {
        return Sipp.run("carrier.xml", "-i", "127.0.0.1", "-p", String.valueOf(line.carrierSip()), "-mi", "127.0.0.1",
                "-mp", String.valueOf(line.carrierRtp()), "-aa");
    }

    /**
     * baresip as the campaign's agent's phone, registered, the agent ready to take calls: with their nailed-up line
     * answered, except in auto callback, which keeps no line and rings the phone before each customer is dialed.
     */
    private static Baresip readyOnBaresip(TestBusiness business, DialingScenario campaign, String dialMode, Line line) {
        TestBusiness.Person agent = campaign.fixtures.agent;
        // Unique on the platform (one registrar), so the test runs again on a database that kept the last run's.
        String sipUser = "bare-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Softphone-secret-91";
        business.admin().put("/api/v1/users/" + agent.id() + "/phone",
                Map.of("sipUsername", sipUser, "sipPassword", password)).expect(200);
        Baresip phone = line.secure()
                ? Baresip.securePhone(sipUser, password, line.registrar(), line.phoneSip(), line.phoneRtp(),
                        Path.of("src/test/resources/tls/outdial.pem"))
                : Baresip.phone(sipUser, password, line.registrar(), line.phoneSip(), line.phoneRtp());
        try {
            waitFor(() -> business.admin().get("/api/v1/users/" + agent.id() + "/phone").expect(200).json()
                    .get("registered").asBoolean(), registered -> registered, "baresip to register; " + phone.screen());
            campaign.ready(agent);
            if (!dialMode.equals("AUTO_CALLBACK")) {
                waitFor(() -> agent.client().get("/api/v1/me/state").expect(200).json().get("phoneLine").asString(),
                        "UP"::equals, "baresip to answer the nailed-up line; " + phone.screen());
            }
            return phone;
        } catch (RuntimeException | AssertionError notReady) {
            phone.close();
            throw notReady;
        }
    }

    /** The customer's call, once answered and put through to the campaign's agent: its id. */
    private static String connected(DialingScenario campaign, long customer, Sipp carrier) {
        JsonNode connected = waitFor(() -> campaign.callsOf(customer),
                calls -> calls.stream().anyMatch(call -> call.has("connectedAt")),
                "the answered customer to be put through to baresip; carrier: " + carrier.screen())
                .stream().filter(call -> call.has("connectedAt")).findFirst().orElseThrow();
        assertThat(connected.get("agentId").asLong()).isEqualTo(campaign.fixtures.agent.id());
        return connected.get("id").asString();
    }

    /** The agent hangs the call up and disposes it, then stops taking calls: Outdial hangs baresip's line up. */
    private static void hungUpAndDisposed(DialingScenario campaign, String callId, Baresip phone) {
        TestBusiness.Person agent = campaign.fixtures.agent;
        agent.client().post("/api/v1/calls/" + callId + "/hangup").expect(204);
        JsonNode ended = campaign.waitForCallEnd(agent.client(), callId);
        assertThat(ended.get("result").asString()).isEqualTo("SUCCESS");
        campaign.dispose(agent, callId, "DONE", Map.of());
        agent.client().put("/api/v1/me/state", Map.of("state", "NOT_AVAILABLE")).expect(200);
        waitFor(phone::hungUpByOutdial, hungUp -> hungUp, "Outdial to hang up baresip's line; " + phone.screen());
    }
}
