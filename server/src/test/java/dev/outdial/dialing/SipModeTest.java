package dev.outdial.dialing;

import static dev.outdial.dialing.DialingScenario.assertProblem;
import static dev.outdial.dialing.DialingScenario.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.outdial.agent.AgentPhoneAccounts;
import dev.outdial.dialing.internal.DialerLeaseRepository;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.port.CallEvent;
import dev.outdial.engine.port.CallId;
import dev.outdial.sip.AgentLines.LineState;
import dev.outdial.sip.AudioQuality;
import dev.outdial.sip.CallQuality;
import dev.outdial.sip.IncomingCall;
import dev.outdial.sip.ListeningMode;
import dev.outdial.sip.PhoneBook;
import dev.outdial.sip.TlsCertificateStatus;
import dev.outdial.sip.TrunkAnswer;
import dev.outdial.sip.TrunkRegistrationStatus;
import dev.outdial.testing.Api;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.Exports;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Real calls as the server wires them (issue 12), against a SIP adapter without a network: agents'
 * phones must be registered to go Available, progressive and predictive keep the agent's line up
 * while they work, a line that drops sets them Not available, and the simulated extras are gone.
 */
@OutdialIntegrationTest
@AutoConfigureMockMvc
@Import(FakeSipAdapter.Config.class)
@TestPropertySource(properties = {
        "outdial.telephony.mode=sip",
        "outdial.telephony.sip.listen=127.0.0.1:18300",
        "outdial.telephony.sip.trunk.address=127.0.0.1:18301",
        "outdial.telephony.sip.rtp-ports=18310-18319",
        "outdial.telephony.sip.realm=outdial-test"})
class SipModeTest {

    private static final String PASSWORD = "person-password";

    @Autowired
    Api api;

    @Autowired
    FakeSipAdapter sip;

    @Autowired
    JdbcClient db;

    @Autowired
    MockMvc mvc;

    @Autowired
    DialerLeaseRepository leases;

    @Test
    void theServerStartsTheAdapterWithTheSettingsAndShowsTheTrunkToAdmins() {
        assertThat(sip.started).isTrue();
        assertThat(sip.settings.listen()).isEqualTo(new InetSocketAddress("127.0.0.1", 18300));
        assertThat(sip.settings.trunk()).isEqualTo(new InetSocketAddress("127.0.0.1", 18301));
        assertThat(sip.settings.publicAddress()).as("the listening address, not every interface").isEqualTo("127.0.0.1");
        assertThat(sip.settings.fromDomain()).as("the trunk's host by default").isEqualTo("127.0.0.1");
        assertThat(sip.settings.rtpPortFirst()).isEqualTo(18310);
        assertThat(sip.settings.realm()).isEqualTo("outdial-test");

        TestBusiness business = api.newBusiness("SipTrunk");
        JsonNode telephony = business.admin().get("/api/v1/telephony").expect(200).json();
        assertThat(telephony.get("mode").asString()).isEqualTo("sip");
        assertThat(telephony.get("trunk").get("state").asString()).isEqualTo("UP");
        assertThat(telephony.get("trunk").get("detail").asString()).isEqualTo("SIP/2.0 200 OK");
        business.agent("trunkagent").client().get("/api/v1/telephony").expect(403);
        assertThat(page("admin@" + business.domain(), "admin-password", get("/settings/hotlines"))).contains("id=\"trunk\"", "data-state=\"UP\"");
        assertThat(telephony.path("registration").isMissingNode() || telephony.get("registration").isNull())
                .as("this node does not register with the trunk").isTrue();

        sip.registration = Optional.of(new TrunkRegistrationStatus(TrunkRegistrationStatus.State.FAILED,
                Optional.of(Instant.parse("2026-01-01T00:00:00Z")), "REGISTER answered 403 Forbidden"));
        try {
            JsonNode registration = business.admin().get("/api/v1/telephony").expect(200).json().get("registration");
            assertThat(registration.get("state").asString()).isEqualTo("FAILED");
            assertThat(registration.get("detail").asString()).isEqualTo("REGISTER answered 403 Forbidden");
            assertThat(page("admin@" + business.domain(), "admin-password", get("/settings/hotlines")))
                    .contains("id=\"trunk-registration\" data-state=\"FAILED\"", "Not registered with the trunk",
                            "REGISTER answered 403 Forbidden");
        } finally {
            sip.registration = Optional.empty();
        }
    }

    @Test
    void theAdminIsToldOfACertificateThatExpiresSoonAndOfARenewalNotTaken() {
        TestBusiness business = api.newBusiness("SipCertificate");
        JsonNode withoutTls = business.admin().get("/api/v1/telephony").expect(200).json().path("certificate");
        assertThat(withoutTls.isNull() || withoutTls.isMissingNode()).as("no SIP over TLS here").isTrue();

        Instant inTenDays = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        sip.certificate = Optional.of(new TlsCertificateStatus("CN=sip.example.com", inTenDays,
                Instant.parse("2026-11-01T00:00:00Z"), Optional.of("outdial.telephony.sip.tls.private-key is not the "
                        + "key of the certificate of CN=sip.example.com")));
        try {
            JsonNode certificate = business.admin().get("/api/v1/telephony").expect(200).json().get("certificate");
            assertThat(certificate.get("subject").asString()).isEqualTo("CN=sip.example.com");
            assertThat(Instant.parse(certificate.get("validUntil").asString())).isEqualTo(inTenDays);
            assertThat(certificate.get("expiring").asBoolean()).as("ten days left").isTrue();
            assertThat(certificate.get("renewalProblem").asString()).contains("is not the key of the certificate");
            assertThat(page("admin@" + business.domain(), "admin-password", get("/settings/hotlines")))
                    .contains("id=\"tls-certificate\" data-expiring=\"true\"",
                            "SIP over TLS shows the certificate of CN=sip.example.com", "Renew it",
                            "Its files changed but could not be used");

            sip.certificate = Optional.of(new TlsCertificateStatus("CN=sip.example.com",
                    Instant.now().plus(Duration.ofDays(80)), Instant.now(), Optional.empty()));
            assertThat(business.admin().get("/api/v1/telephony").expect(200).json().get("certificate")
                    .get("expiring").asBoolean()).as("renewed: eighty days left").isFalse();
            assertThat(page("admin@" + business.domain(), "admin-password", get("/settings/hotlines")))
                    .contains("data-expiring=\"false\"").doesNotContain("Renew it", "could not be used");
        } finally {
            sip.certificate = Optional.empty();
        }
    }

    @Test
    void anAgentWhosePhoneIsNotRegisteredCannotGoAvailable() {
        TestBusiness business = api.newBusiness("SipAvailable");
        TestBusiness.Person agent = business.agent("unregistered");
        setPhone(business, agent, "sip-unregistered-" + agent.id());

        assertProblem(agent.client().put("/api/v1/me/state", Map.of("state", "AVAILABLE")), 409, "PHONE_NOT_REGISTERED");
        JsonNode state = agent.client().get("/api/v1/me/state").expect(200).json();
        assertThat(state.get("state").asString()).isEqualTo("NOT_AVAILABLE");
        assertThat(state.get("phoneRegistered").asBoolean()).isFalse();
        assertThat(business.admin().get("/api/v1/users/" + agent.id() + "/phone").expect(200).json()
                .get("registered").asBoolean()).isFalse();

        sip.registrations.set(agent.id(), true);
        agent.client().put("/api/v1/me/state", Map.of("state", "AVAILABLE")).expect(200);
        assertThat(agent.client().get("/api/v1/me/state").expect(200).json().get("phoneRegistered").asBoolean()).isTrue();
        assertThat(business.admin().get("/api/v1/users/" + agent.id() + "/phone").expect(200).json()
                .get("registered").asBoolean()).isTrue();
    }

    @Test
    void removingAnAgentsPhoneTakesThemOutOfWorkThoughTheirOldBindingHasNotExpired() {
        TestBusiness business = api.newBusiness("SipRemoved");
        TestBusiness.Person agent = business.agent("removed");
        setPhone(business, agent, "sip-removed-" + agent.id());
        sip.registrations.set(agent.id(), true);
        agent.client().put("/api/v1/me/state", Map.of("state", "AVAILABLE")).expect(200);

        business.admin().delete("/api/v1/users/" + agent.id() + "/phone").expect(204);

        JsonNode state = agent.client().get("/api/v1/me/state").expect(200).json();
        assertThat(state.get("state").asString()).isEqualTo("NOT_AVAILABLE");
        assertThat(state.get("phoneRegistered").asBoolean()).isFalse();
        assertThat(sip.registrations.isRegistered(FakeSipAdapter.agent(agent.id())))
                .as("the registrar dropped the old binding").isFalse();
        assertProblem(agent.client().put("/api/v1/me/state", Map.of("state", "AVAILABLE")), 409, "PHONE_NOT_REGISTERED");
    }

    @Test
    void theWorkspaceRefusesAvailableWithTheReasonTranslated() {
        TestBusiness business = api.newBusiness("SipWorkspace");
        TestBusiness.Person agent = business.agent("pageagent");
        String refused = page(agent.email(), PASSWORD, post("/workspace/state").param("available", "true").with(csrf()));
        assertThat(refused).contains("your phone is not registered");
        String vietnamese = page(agent.email(), PASSWORD, get("/workspace/state").param("lang", "vi"));
        assertThat(vietnamese).contains("Chưa đăng ký").contains("data-registered=\"false\"");
    }

    @Test
    void progressiveKeepsTheAgentsLineUpWhileTheyWorkAndReleasesItWhenTheyLeave() {
        DialingScenario progressive = workingWithRegisteredPhone("SipLines", "PROGRESSIVE");
        TestBusiness.Person agent = progressive.fixtures.agent;
        assertThat(sip.lines.state(FakeSipAdapter.agent(agent.id()))).isEqualTo(LineState.UP);

        agent.client().put("/api/v1/me/state", Map.of("state", "NOT_AVAILABLE")).expect(200);
        assertThat(sip.lines.state(FakeSipAdapter.agent(agent.id()))).isEqualTo(LineState.DOWN);

        agent.client().put("/api/v1/me/state", Map.of("state", "AVAILABLE")).expect(200);
        assertThat(sip.lines.state(FakeSipAdapter.agent(agent.id()))).isEqualTo(LineState.UP);
        agent.client().post("/api/v1/me/campaigns/" + progressive.campaignId + "/close").expect(204);
        assertThat(sip.lines.state(FakeSipAdapter.agent(agent.id()))).isEqualTo(LineState.DOWN);
    }

    /**
     * A customer dialed while the agent's phone still rings for their line would be answered, wait for an agent
     * who may never pick up, and be hung up on (a softphone without auto-answer did that every 30 seconds).
     */
    @Test
    void noCustomerIsDialedForAnAgentUntilTheyPickUpTheirLine() {
        DialingScenario progressive = DialingScenario.running(api.newBusiness("SipRinging"), "PROGRESSIVE", Map.of());
        TestBusiness.Person agent = progressive.fixtures.agent;
        registered(progressive.business, agent);
        sip.lines.phonesRing = true;
        try {
            progressive.ready(agent);
            long customer = progressive.add("+84919520001").getFirst();
            assertThat(sip.lines.state(FakeSipAdapter.agent(agent.id()))).isEqualTo(LineState.CALLING);

            assertThat(progressive.awaitNotDialingBecause("NO_AGENTS_AVAILABLE").get("dialing").asBoolean()).isFalse();
            assertThat(progressive.callsOf(customer)).isEmpty();
            assertThat(agent.client().get("/api/v1/me/state").expect(200).json().get("state").asString())
                    .as("the agent stays Available while their phone rings").isEqualTo("AVAILABLE");

            sip.lines.pickUpPhone(agent.id());

            DialingScenario.waitFor(() -> progressive.callsOf(customer), calls -> !calls.isEmpty(),
                    "the customer to be dialed once the agent's line is up");
        } finally {
            sip.lines.phonesRing = false;
        }
    }

    @Test
    void aSupervisorWithARegisteredPhoneListensInOnACallThatIsUpAndOnlyThen() {
        DialingScenario progressive = workingWithRegisteredPhone("SipListen", "PROGRESSIVE");
        TestBusiness business = progressive.business;
        long customer = progressive.add("+84919520009").getFirst();
        String call = DialingScenario.waitFor(() -> progressive.callsOf(customer),
                calls -> !calls.isEmpty() && !calls.getFirst().hasNonNull("result"), "the customer's call to be up")
                .getFirst().get("id").asString();
        String listen = "/api/v1/calls/" + call + "/listen";
        TestBusiness.Person supervisor = business.person("SUPERVISOR", "listener");

        assertThat(supervisor.client().post(listen).status()).as("no phone registered").isEqualTo(409);
        setPhone(business, supervisor, "ear-" + supervisor.id());
        sip.registrations.set(supervisor.id(), true);
        assertThat(progressive.fixtures.agent.client().post(listen).status()).isEqualTo(403);
        assertThat(api.newBusiness("SipListenOther").admin().post(listen).status()).isEqualTo(404);
        assertThat(supervisor.client().post("/api/v1/calls/no-such-call/listen").status()).isEqualTo(404);

        JsonNode listening = supervisor.client().post(listen).expect(202).json();
        assertThat(listening.get("leg").asString()).isNotBlank();
        String byThem = call + " by " + FakeSipAdapter.agent(supervisor.id()).value();
        assertThat(sip.listenedOn(call)).containsExactly(byThem + ", LISTEN");
        supervisor.client().post(listen + "?coach=true").expect(202);
        supervisor.client().post(listen + "?mode=BARGE").expect(202);
        supervisor.client().post(listen + "?mode=COACH&coach=true").expect(202);
        assertThat(sip.listenedOn(call)).containsExactly(byThem + ", LISTEN", byThem + ", COACH", byThem + ", BARGE",
                byThem + ", COACH");
        JsonNode disagreeing = supervisor.client().post(listen + "?mode=BARGE&coach=true").expect(400).json();
        assertThat(disagreeing.toString()).contains("coach", "not BARGE");
        assertThat(supervisor.client().post(listen + "?mode=SHOUT").status()).isEqualTo(400);
        String panel = page(supervisor.email(), PASSWORD, get("/campaigns/" + progressive.campaignId + "/calls-now"));
        assertThat(panel).contains("id=\"calls-now-list\"", "data-call=\"" + call + "\"", "/calls/" + call + "/listen",
                "/calls/" + call + "/listen?mode=BARGE").doesNotContain("class=\"customer-line");
        // the SIP side's measure so far: the customer's line losing a tenth of its packets (its carrier's RTCP gave a
        // round trip of 80 ms), the agent's clean
        sip.qualitiesNow.put(call, new CallQuality(new AudioQuality(500, 50, 20, 60).withRoundTrip(80),
                new AudioQuality(500, 0, 2, 5)));
        assertThat(page(supervisor.email(), PASSWORD, get("/campaigns/" + progressive.campaignId + "/calls-now")))
                .contains("<span class=\"customer-line poor\"", ">3.4</span>",
                        "title=\"The customer&#39;s audio: line quality 3.4 of 4.4, 10.0 % lost, jitter 20 ms, "
                                + "round trip 80 ms\"",
                        "<span class=\"agent-line\"", ">agent 4.4</span>",
                        "title=\"The agent&#39;s audio: line quality 4.4 of 4.4, 0.0 % lost, jitter 2 ms\"");
        String barged = page(supervisor.email(), PASSWORD, post("/calls/" + call + "/listen").param("mode", "BARGE")
                .with(csrf()));
        assertThat(barged).contains("The agent and the customer hear you");
        assertThat(sip.listenedOn(call)).last().isEqualTo(byThem + ", BARGE");

        progressive.fixtures.agent.client().post("/api/v1/calls/" + call + "/hangup").expect(204);
        DialingScenario.waitFor(() -> progressive.callsOf(customer), calls -> calls.getFirst().hasNonNull("result"),
                "the call to end");
        assertThat(supervisor.client().post(listen).status()).as("the call has ended").isEqualTo(409);
        assertThat(sip.listenedOn(call)).hasSize(5);
    }

    @Test
    void aSupervisorListeningInWhoAsksAgainChangesWhoHearsThemWithoutTheirPhoneRungAgain() {
        DialingScenario progressive = workingWithRegisteredPhone("SipListenAgain", "PROGRESSIVE");
        long customer = progressive.add("+84919520019").getFirst();
        String call = DialingScenario.waitFor(() -> progressive.callsOf(customer),
                calls -> !calls.isEmpty() && !calls.getFirst().hasNonNull("result"), "the customer's call to be up")
                .getFirst().get("id").asString();
        TestBusiness.Person supervisor = progressive.business.person("SUPERVISOR", "listener");
        setPhone(progressive.business, supervisor, "ear-" + supervisor.id());
        sip.registrations.set(supervisor.id(), true);
        String listen = "/api/v1/calls/" + call + "/listen";
        String byThem = call + " by " + FakeSipAdapter.agent(supervisor.id()).value();
        sip.listeningsAnswer = true;
        try {
            JsonNode rung = supervisor.client().post(listen).expect(202).json();
            assertThat(rung.get("rung").asBoolean()).isTrue();
            JsonNode changed = supervisor.client().post(listen + "?mode=BARGE").expect(202).json();
            assertThat(changed.get("rung").asBoolean()).isFalse();
            assertThat(changed.get("leg").asString()).isEqualTo(rung.get("leg").asString());
            String coaching = page(supervisor.email(), PASSWORD, post("/calls/" + call + "/listen")
                    .param("mode", "COACH").with(csrf()));
            assertThat(coaching).contains("You now coach: the agent hears you, the customer does not.");
            assertThat(sip.listenedOn(call)).containsExactly(byThem + ", LISTEN", byThem + ", now BARGE",
                    byThem + ", now COACH");
            String activity = "/api/v1/calls/" + call + "/activity";
            // the phone's answer is kept off the SIP side's thread, a moment later
            JsonNode logged = DialingScenario.waitFor(() -> progressive.business.admin().get(activity).expect(200)
                    .json().get("steps"), steps -> steps.size() == 3, "the listening kept with the call");
            String by = " by " + supervisor.id();
            assertThat(logged.valueStream().map(step -> step.get("kind").asString() + " " + step.get("mode").asString()
                    + " by " + step.get("userId").asLong())).containsExactly("LISTENING_STARTED LISTEN" + by,
                    "LISTENING_CHANGED BARGE" + by, "LISTENING_CHANGED COACH" + by);
            assertThat(progressive.fixtures.agent.client().get(activity).expect(200).json().get("steps"))
                    .as("the agent is not told who listened to them").isEmpty();

            // as the SIP side tells it: the agent's phone's Hold button, the supervisor's key 1
            sip.phoneActions.customerHeld(new CallId(call), true);
            sip.phoneActions.listeningChanged(new CallId(call), FakeSipAdapter.agent(supervisor.id()),
                    ListeningMode.LISTEN);
            JsonNode kept = DialingScenario.waitFor(() -> progressive.business.admin().get(activity).expect(200).json(),
                    steps -> steps.get("steps").size() == 5, "the phones' actions kept with the call");
            assertThat(kept.get("steps").get(3).toString()).contains("\"HOLD\"",
                    "\"userId\":" + progressive.fixtures.agent.id());
            assertThat(kept.get("steps").get(4).toString()).contains("\"LISTENING_CHANGED\"", "\"LISTEN\"",
                    "\"userId\":" + supervisor.id());
            String panel = page(supervisor.email(), PASSWORD,
                    get("/campaigns/" + progressive.campaignId + "/calls-now"));
            assertThat(panel).containsPattern("class=\"on-hold\">On hold since \\d{1,2}:\\d\\d:\\d\\d[^<]{0,4}</td>");
        } finally {
            sip.listeningsAnswer = false;
        }
    }

    @Test
    void theLineQualityTheSipSideMeasuredIsKeptWithTheCallForThoseWhoMaySeeIt() throws IOException {
        DialingScenario progressive = workingWithRegisteredPhone("SipQuality", "PROGRESSIVE");
        long customer = progressive.add("+84919520061").getFirst();
        String call = DialingScenario.waitFor(() -> progressive.callsOf(customer), calls -> !calls.isEmpty(),
                "the customer to be dialed").getFirst().get("id").asString();
        String activity = "/api/v1/calls/" + call + "/activity";
        assertThat(progressive.business.admin().get(activity).expect(200).json().get("quality").isNull())
                .as("nothing measured yet").isTrue();

        // told by the SIP side as the call ends: the customer's 30 of 1,500 packets lost, 12.4 ms of jitter on average;
        // the agent's Wi-Fi worse
        // the customer's carrier sent RTCP (a round trip of 80 ms), the agent's phone none
        sip.qualities.measured(new CallId(call), new CallQuality(
                new AudioQuality(1500, 30, 12.4, 41.0).withRoundTrip(80), new AudioQuality(1400, 140, 60.0, 180.0)));
        sip.qualities.measured(new CallId("a-leg-of-no-call"), new CallQuality(new AudioQuality(10, 0, 0, 0), null));

        JsonNode quality = DialingScenario.waitFor(() -> progressive.business.admin().get(activity).expect(200).json()
                .get("quality"), kept -> !kept.isNull(), "the call's quality to be kept");
        JsonNode customersAudio = quality.get("customer");
        assertThat(customersAudio.get("packetsExpected").asLong()).isEqualTo(1500);
        assertThat(customersAudio.get("packetsLost").asLong()).isEqualTo(30);
        assertThat(customersAudio.get("meanJitterMillis").asDouble()).isEqualTo(12.4);
        assertThat(customersAudio.get("maxJitterMillis").asDouble()).isEqualTo(41.0);
        assertThat(customersAudio.get("roundTripMillis").asDouble()).isEqualTo(80.0);
        assertThat(customersAudio.get("meanOpinionScore").asDouble()).as("the E-model's, with half the round trip")
                .isEqualTo(new AudioQuality(1500, 30, 12.4, 41.0).withRoundTrip(80).meanOpinionScore());
        assertThat(quality.get("agent").get("packetsLost").asLong()).isEqualTo(140);
        assertThat(quality.get("agent").get("roundTripMillis").isNull()).as("no RTCP from the phone").isTrue();
        assertThat(customersAudio.get("poor").asBoolean()).as("4.2 of 4.4").isFalse();
        assertThat(quality.get("agent").get("poor").asBoolean()).as("3.4: under 3.6").isTrue();
        String admin = "admin@" + progressive.business.domain();
        List<String> lines = List.of(
                "The customer&#39;s audio: line quality 4.2 of 4.4, 2.0 % lost, jitter 12 ms, round trip 80 ms<",
                "The agent&#39;s audio: line quality 3.4 of 4.4, 10.0 % lost, jitter 60 ms<");
        assertThat(page(admin, "admin-password", get("/calls/" + call + "/activity"))).contains(lines);
        assertThat(page(admin, "admin-password", get("/campaigns/" + progressive.campaignId + "/calls")
                .param("number", "+84919520061"))).as("the number's call history").contains(lines);
        List<List<String>> export = Exports.csv(progressive.business.admin()
                .download("/api/v1/campaigns/" + progressive.campaignId + "/calls/export?format=csv").body());
        List<String> row = export.stream().filter(cells -> cells.getFirst().equals(call)).findFirst().orElseThrow();
        assertThat(row.get(export.getFirst().indexOf("Customer's line quality (of 4.4)"))).isEqualTo("4.2");
        assertThat(row.get(export.getFirst().indexOf("Agent's line quality (of 4.4)"))).isEqualTo("3.4");
        api.newBusiness("SipQualityOther").admin().get(activity).expect(404);
        String scrape = api.operator().withHeader("Accept", "text/plain").get("/actuator/prometheus").expect(200)
                .body();
        assertThat(scrape).contains("outdial_call_audio_mos_count{side=\"customer\"}",
                "outdial_call_audio_mos_count{side=\"agent\"}", "outdial_call_audio_loss_ratio_count{side=\"agent\"}",
                "outdial_call_audio_jitter_seconds_count{side=\"customer\"}",
                "outdial_call_audio_round_trip_seconds_count{side=\"customer\"}")
                .doesNotContain("outdial_call_audio_round_trip_seconds_count{side=\"agent\"}");
        for (String series : DialerMetricsTest.dashboardSeries()) {
            // the trunks' answers and the agents set Not available are checked by the tests that make them
            if (series.startsWith("outdial_call_audio_") || series.startsWith("outdial_sip_")) {
                assertThat(scrape).as("the Grafana dashboard's " + series).contains(series + "{");
            }
        }
    }

    @Test
    void whatTheTrunksAnsweredIsKeptWithTheCallForThoseWhoMaySeeItAndCounted() throws IOException {
        DialingScenario progressive = workingWithRegisteredPhone("SipTrunkAnswers", "PROGRESSIVE");
        long customer = progressive.add("+84919520062").getFirst();
        String call = DialingScenario.waitFor(() -> progressive.callsOf(customer), calls -> !calls.isEmpty(),
                "the customer to be dialed").getFirst().get("id").asString();
        String activity = "/api/v1/calls/" + call + "/activity";
        assertThat(progressive.business.admin().get(activity).expect(200).json().get("trunkAnswers").isEmpty())
                .as("nothing told yet").isTrue();

        // told by the SIP side as the call ends: the first trunk had no circuit, the backup found the customer busy
        sip.trunkAnswers.answered(new CallId(call), List.of(
                new TrunkAnswer("203.0.113.10:5060", 503, "Service Unavailable", 34),
                new TrunkAnswer("203.0.113.11:5060", 486, "Busy Here", 17),
                new TrunkAnswer("203.0.113.12:5060", TrunkAnswer.NONE, "no answer to the INVITE", null)));
        sip.trunkAnswers.answered(new CallId("a-leg-of-no-call"),
                List.of(new TrunkAnswer("203.0.113.10:5060", 200, "OK", null)));

        JsonNode answers = DialingScenario.waitFor(() -> progressive.business.admin().get(activity).expect(200).json()
                .get("trunkAnswers"), kept -> kept.size() == 3, "the call's trunk answers to be kept");
        assertThat(answers.get(0).get("trunk").asString()).isEqualTo("203.0.113.10:5060");
        assertThat(answers.get(0).get("status").asInt()).isEqualTo(503);
        assertThat(answers.get(0).get("reason").asString()).isEqualTo("Service Unavailable");
        assertThat(answers.get(0).get("q850Cause").asInt()).isEqualTo(34);
        assertThat(answers.get(1).get("status").asInt()).isEqualTo(486);
        assertThat(answers.get(2).get("status").asInt()).isZero();
        assertThat(answers.get(2).get("q850Cause").isNull()).isTrue();
        String admin = "admin@" + progressive.business.domain();
        assertThat(page(admin, "admin-password", get("/calls/" + call + "/activity"))).contains(
                "The carrier answered: 503 Service Unavailable (Q.850 cause 34: no circuit available) from "
                        + "203.0.113.10:5060; 486 Busy Here (Q.850 cause 17: user busy) from 203.0.113.11:5060; "
                        + "no answer to the INVITE from 203.0.113.12:5060<");
        List<List<String>> export = Exports.csv(progressive.business.admin()
                .download("/api/v1/campaigns/" + progressive.campaignId + "/calls/export?format=csv").body());
        List<String> row = export.stream().filter(cells -> cells.getFirst().equals(call)).findFirst().orElseThrow();
        assertThat(row.get(export.getFirst().indexOf("Carrier's answers"))).isEqualTo(
                "503 Service Unavailable (Q.850 34) from 203.0.113.10:5060; 486 Busy Here (Q.850 17) from "
                        + "203.0.113.11:5060; no answer to the INVITE from 203.0.113.12:5060");
        assertThat(page(admin, "admin-password", get("/settings/hotlines"))).as("the carrier's recent answers")
                .contains("Answers to your calls in the last hour: 203.0.113.10:5060 503 ×1; 203.0.113.11:5060 486 ×1; "
                        + "203.0.113.12:5060 none ×1<");
        TestBusiness other = api.newBusiness("SipTrunkAnswersOther");
        other.admin().get(activity).expect(404);
        assertThat(page("admin@" + other.domain(), "admin-password", get("/settings/hotlines")))
                .as("another business's calls are not counted for it").doesNotContain("Answers to your calls");
        String scrape = api.operator().withHeader("Accept", "text/plain").get("/actuator/prometheus").expect(200)
                .body();
        assertThat(scrape).contains("outdial_trunk_answers_total{status=\"503\",trunk=\"203.0.113.10:5060\"} 1",
                "outdial_trunk_answers_total{status=\"none\",trunk=\"203.0.113.12:5060\"} 1",
                "outdial_trunk_answers_total{status=\"200\",trunk=\"203.0.113.10:5060\"} 1");
        for (String series : DialerMetricsTest.dashboardSeries()) {
            if (series.startsWith("outdial_trunk_")) {
                assertThat(scrape).as("the Grafana dashboard's " + series).contains(series + "{");
            }
        }
    }

    @Test
    void anAgentsPhoneHoldingTheCallIsShownOnTheirWorkspaceApartFromTheHoldAskedThroughOutdial() {
        DialingScenario progressive = workingWithRegisteredPhone("SipPhoneHold", "PROGRESSIVE");
        sip.answersAtOnce(progressive.fixtures.agent.id());
        // answered after the typical ring (8 s median, now and then past the campaign's ring timeout): three customers,
        // so one is put through however long one rings
        progressive.add("+8491952" + FakeSipAdapter.ANSWERS, "+8491953" + FakeSipAdapter.ANSWERS,
                "+8491954" + FakeSipAdapter.ANSWERS);
        Predicate<JsonNode> putThrough = up -> up.hasNonNull("connectedAt") && !up.hasNonNull("result");
        String call = DialingScenario.waitFor(progressive::calls, calls -> calls.stream().anyMatch(putThrough),
                "a customer's call to be put through", Duration.ofSeconds(120)).stream().filter(putThrough)
                .findFirst().orElseThrow().get("id").asString();
        String agent = progressive.fixtures.agent.email();
        String card = "/workspace/calls/" + call;
        assertThat(page(agent, PASSWORD, get(card))).contains("id=\"hold\"").doesNotContain("id=\"hold-state\"");

        // the agent presses their phone's own Hold: told by the SIP side, kept and told to the engine a moment later,
        // and their open Workspace is told to show the call again
        try (AgentEventsReader events = new AgentEventsReader(api.baseUrl(), agent, PASSWORD)) {
            events.awaitConnected();
            sip.phoneActions.customerHeld(new CallId(call), true);
            assertThat(events.data("call-changed").get("callId").asString()).isEqualTo(call);
        }
        String heldByPhone = page(agent, PASSWORD, get(card));
        assertThat(heldByPhone).contains("Your phone holds the call: take it off hold on the phone")
                .containsPattern("On hold since \\d{1,2}:\\d\\d:\\d\\d")
                .as("neither button: the customer is on hold, and Outdial cannot take the phone's hold off")
                .doesNotContain("id=\"hold\"").doesNotContain("id=\"unhold\"");

        // the page's hold on top of the phone's, then the phone's taken off: the customer is still on hold
        progressive.fixtures.agent.client().post("/api/v1/calls/" + call + "/hold").expect(204);
        sip.phoneActions.customerHeld(new CallId(call), false);
        String heldByOutdial = DialingScenario.waitFor(() -> page(agent, PASSWORD, get(card)),
                shown -> !shown.contains("id=\"phone-holds\""), "the phone's hold taken off");
        assertThat(heldByOutdial).contains("id=\"unhold\"", "id=\"hold-state\"");
        JsonNode activity = progressive.business.admin().get("/api/v1/calls/" + call + "/activity").expect(200).json();
        assertThat(activity.get("holds").asInt()).as("one hold from off hold to off hold").isEqualTo(1);
        assertThat(activity.get("steps").valueStream().map(step -> step.get("kind").asString()
                + (step.get("byPhone").asBoolean() ? " by phone" : ""))).containsExactly("HOLD by phone", "HOLD",
                "UNHOLD by phone");
        String steps = page("admin@" + progressive.business.domain(), "admin-password",
                get("/calls/" + call + "/activity"));
        assertThat(steps).contains("Put on hold (with the phone&#39;s own Hold button)", "Put on hold ·",
                "Taken off hold (with the phone&#39;s own Hold button)");

        // the customer's own phone holds the call and takes it off: kept with the call, and no hold time of theirs
        sip.phoneActions.customersPhoneHolds(new CallId(call), true);
        sip.phoneActions.customersPhoneHolds(new CallId(call), false);
        JsonNode withTheCustomers = DialingScenario.waitFor(() -> progressive.business.admin()
                .get("/api/v1/calls/" + call + "/activity").expect(200).json(),
                kept -> kept.get("steps").size() == 5, "the customer's phone's holds kept with the call");
        assertThat(withTheCustomers.get("holds").asInt()).as("not a hold of the agent's").isEqualTo(1);
        assertThat(withTheCustomers.get("steps").get(3).get("kind").asString()).isEqualTo("CUSTOMER_HOLD");
        assertThat(withTheCustomers.get("steps").get(4).get("kind").asString()).isEqualTo("CUSTOMER_UNHOLD");
        assertThat(withTheCustomers.get("steps").get(4).get("userId").asLong()).as("the agent they talked to")
                .isEqualTo(progressive.fixtures.agent.id());
        String admin = "admin@" + progressive.business.domain();
        assertThat(page(admin, "admin-password", get("/calls/" + call + "/activity")))
                .contains("The customer&#39;s phone held the call · talking to ",
                        "The customer&#39;s phone took the call off hold · talking to ");
        String panel = page("admin@" + progressive.business.domain(), "admin-password",
                get("/campaigns/" + progressive.campaignId + "/calls-now"));
        assertThat(panel).as("still on hold through Outdial").contains("class=\"on-hold\">On hold since");

        progressive.fixtures.agent.client().post("/api/v1/calls/" + call + "/unhold").expect(204);
        assertThat(page(agent, PASSWORD, get(card))).contains("id=\"hold\"").doesNotContain("id=\"hold-state\"");
    }

    @Test
    void aSupervisorListeningInWhoAsksForAnotherCallMovesToItWithoutTheirPhoneRungAgain() {
        DialingScenario progressive = workingWithRegisteredPhone("SipListenMove", "PROGRESSIVE");
        registered(progressive.business, progressive.fixtures.secondAgent);
        progressive.ready(progressive.fixtures.secondAgent);
        List<Long> customers = progressive.add("+84919520029", "+84919520039");
        List<String> up = customers.stream().map(customer -> DialingScenario.waitFor(
                () -> progressive.callsOf(customer),
                calls -> !calls.isEmpty() && !calls.getFirst().hasNonNull("result"), "the customer's call to be up")
                .getFirst().get("id").asString()).toList();
        TestBusiness.Person supervisor = progressive.business.person("SUPERVISOR", "hopper");
        setPhone(progressive.business, supervisor, "ear-" + supervisor.id());
        sip.registrations.set(supervisor.id(), true);
        sip.listeningsAnswer = true;
        try {
            JsonNode rung = supervisor.client().post("/api/v1/calls/" + up.get(0) + "/listen").expect(202).json();
            assertThat(rung.get("movedFrom").isNull()).isTrue();
            JsonNode moved = supervisor.client().post("/api/v1/calls/" + up.get(1) + "/listen?mode=COACH").expect(202)
                    .json();
            assertThat(moved.get("rung").asBoolean()).isFalse();
            assertThat(moved.get("leg").asString()).isEqualTo(rung.get("leg").asString());
            assertThat(moved.get("movedFrom").asString()).isEqualTo(up.get(0));
            String byThem = " by " + FakeSipAdapter.agent(supervisor.id()).value();
            assertThat(sip.listenedOn(up.get(1))).containsExactly(up.get(1) + byThem + ", moved from " + up.get(0)
                    + ", COACH");
            String back = page(supervisor.email(), PASSWORD, post("/calls/" + up.get(0) + "/listen").with(csrf()));
            assertThat(back).contains("You left the call you listened in on: your phone is on this one now. "
                    + "You now only listen");
            sip.listenerHangsUp(FakeSipAdapter.agent(supervisor.id()));
            assertThat(kinds(progressive.business, up.get(1))).containsExactly("LISTENING_STARTED COACH",
                    "LISTENING_ENDED");
            List<String> first = DialingScenario.waitFor(() -> kinds(progressive.business, up.get(0)),
                    kinds -> kinds.size() == 4, "the hang-up kept with the call");
            assertThat(first).as("left, back, then hung up").containsExactly("LISTENING_STARTED LISTEN",
                    "LISTENING_ENDED", "LISTENING_STARTED LISTEN", "LISTENING_ENDED");
        } finally {
            sip.listeningsAnswer = false;
        }
    }

    /** The call's activity as its kinds, each with its listening mode where it has one. */
    private static List<String> kinds(TestBusiness business, String call) {
        return business.admin().get("/api/v1/calls/" + call + "/activity").expect(200).json().get("steps")
                .valueStream().map(step -> step.get("kind").asString()
                        + (step.get("mode").isNull() ? "" : " " + step.get("mode").asString())).toList();
    }

    @Test
    void aQueueCallBeingTakenOffersToListenInOnTheQueuesCallsPage() {
        TestBusiness business = api.newBusiness("SipQueueListen");
        long queue = business.admin().post("/api/v1/queues", Map.of("name", "Support", "callbackKey", "1",
                "minSecondsBeforeCallback", 0, "maxWaitSeconds", 60)).expect(201).id();
        String talking = "queued-" + UUID.randomUUID();
        db.sql("""
                insert into inbound_call (id, business_id, queue_id, caller_number, entered_at, agent_id,
                    agent_ringing_at, connected_at, keys_pressed)
                values (:id, :business, :queue, '+84912600011', current_timestamp, :agent, current_timestamp,
                    current_timestamp, '')
                """).param("id", talking).param("business", business.id()).param("queue", queue)
                .param("agent", business.agent("taker").id()).update();

        String page = page("admin@" + business.domain(), "admin-password",
                get("/settings/queues").param("calls", String.valueOf(queue)));

        assertThat(page).contains("/calls/" + talking + "/listen", "/calls/" + talking + "/listen?mode=COACH",
                "/calls/" + talking + "/listen?mode=BARGE");
    }

    @Test
    void signingOutReleasesTheAgentsLineAndLeavesThemNotAvailable() throws Exception {
        TestBusiness.Person agent = workingWithRegisteredPhone("SipSignOut", "PROGRESSIVE").fixtures.agent;
        assertThat(sip.lines.state(FakeSipAdapter.agent(agent.id()))).isEqualTo(LineState.UP);

        mvc.perform(post("/logout").session(signIn(agent.email(), PASSWORD)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(sip.lines.state(FakeSipAdapter.agent(agent.id()))).isEqualTo(LineState.DOWN);
        assertThat(agent.client().get("/api/v1/me/state").expect(200).json().get("state").asString())
                .isEqualTo("NOT_AVAILABLE");
    }

    @Test
    void manualAndPreviewCampaignsKeepTheAgentsLineUpToo() {
        // The agent who dials takes the customer on their phone as well: through the line, the moment they answer.
        TestBusiness.Person manual = workingWithRegisteredPhone("SipManual", "MANUAL").fixtures.agent;
        assertThat(sip.lines.state(FakeSipAdapter.agent(manual.id()))).isEqualTo(LineState.UP);
        TestBusiness.Person preview = workingWithRegisteredPhone("SipPreview", "PREVIEW").fixtures.agent;
        assertThat(sip.lines.state(FakeSipAdapter.agent(preview.id()))).isEqualTo(LineState.UP);
    }

    @Test
    void aManualAgentDialsOnlyWithTheirLineUpSoNoCustomerWaitsForTheirPhone() {
        DialingScenario manual = workingWithRegisteredPhone("SipManualLine", "MANUAL");
        TestBusiness.Person agent = manual.fixtures.agent;
        manual.add("+84919530001");
        agent.client().put("/api/v1/me/state", Map.of("state", "NOT_AVAILABLE")).expect(200);
        assertThat(sip.lines.state(FakeSipAdapter.agent(agent.id()))).isEqualTo(LineState.DOWN);

        long first = agent.client().post("/api/v1/me/campaigns/" + manual.campaignId + "/next").expect(200).json()
                .get("id").asLong();
        assertThat(agent.client().post("/api/v1/me/customers/" + first + "/dial").expect(409).json().get("reason")
                .asString()).isEqualTo("PHONE_LINE_NOT_UP");
        assertThat(manual.callsOf(first)).as("the customer is not dialed").isEmpty();

        agent.client().put("/api/v1/me/state", Map.of("state", "AVAILABLE")).expect(200);
        assertThat(sip.lines.state(FakeSipAdapter.agent(agent.id()))).isEqualTo(LineState.UP);
        agent.client().post("/api/v1/me/customers/" + first + "/dial").expect(201);
        assertThat(manual.callsOf(first)).hasSize(1);
    }

    @Test
    void anAgentWhoHangsUpTheirLineIsSetNotAvailableAndTheirPageIsTold() {
        DialingScenario predictive = DialingScenario.running(api.newBusiness("SipDrop"), "PREDICTIVE", Map.of());
        TestBusiness.Person agent = predictive.fixtures.agent;
        registered(predictive.business, agent);
        try (AgentEventsReader events = new AgentEventsReader(api.baseUrl(), agent.email(), PASSWORD)) {
            events.awaitConnected();
            predictive.ready(agent);

            sip.lines.hangUpPhone(agent.id());

            events.await("agent-state");
            assertThat(agent.client().get("/api/v1/me/state").expect(200).json().get("state").asString())
                    .isEqualTo("NOT_AVAILABLE");
            assertThat(events.data("agent-state").get("reason").asString()).isEqualTo("PHONE_LINE_DOWN");
            assertThat(page(agent.email(), PASSWORD, get("/workspace/state").param("reason", "PHONE_LINE_DOWN")))
                    .contains("your phone hung up your line");
        }
    }

    @Test
    void anAgentWhosePhoneDoesNotTakeTheLineIsToldWhySoTheyCanMendIt() {
        // e.g. 488 Not Acceptable Here from a softphone with no codec in common
        assertThat(lineNotTaken("SipRefused", CallResult.HOTLINE_ERROR, "PHONE_LINE_REFUSED"))
                .contains("your phone did not take the call for your line", "G.711");
    }

    @Test
    void anAgentWhoDoesNotPickUpTheirLineIsToldSo() {
        assertThat(lineNotTaken("SipUnanswered", CallResult.NOANSWER, "PHONE_LINE_NOT_ANSWERED"))
                .contains("was not picked up");
    }

    @Test
    void anAgentWhosePhoneDoesNotTakeACallRungOnItIsSetNotAvailableSoNoMoreGoThere() {
        assertThat(notTaken("SipRona", agent -> sip.lines.phoneDoesNotTakeACall(agent, CallResult.NOANSWER),
                "PHONE_CALL_NOT_ANSWERED")).contains("a call rang on your phone and was not picked up");
        assertThat(notTaken("SipDnd", agent -> sip.lines.phoneDoesNotTakeACall(agent, CallResult.BUSY),
                "PHONE_CALL_REFUSED")).contains("do-not-disturb");
    }

    /**
     * An Available agent's phone rings for their line and does not take it ({@code how}): they are set Not available
     * with {@code reason} in their event stream; answers what their workspace then says.
     */
    private String lineNotTaken(String label, CallResult how, String reason) {
        return notTaken(label, agent -> sip.lines.phoneDoesNotTakeTheLine(agent, how), reason);
    }

    /**
     * An Available agent's phone does as {@code phone} says (given the agent's id): they are set Not available with
     * {@code reason} in their event stream; answers what their workspace then says.
     */
    private String notTaken(String label, LongConsumer phone, String reason) {
        DialingScenario progressive = DialingScenario.running(api.newBusiness(label), "PROGRESSIVE", Map.of());
        TestBusiness.Person agent = progressive.fixtures.agent;
        registered(progressive.business, agent);
        sip.lines.phonesRing = true;
        try (AgentEventsReader events = new AgentEventsReader(api.baseUrl(), agent.email(), PASSWORD)) {
            events.awaitConnected();
            progressive.ready(agent);

            phone.accept(agent.id());

            assertThat(events.data("agent-state").get("reason").asString()).isEqualTo(reason);
            assertThat(agent.client().get("/api/v1/me/state").expect(200).json().get("state").asString())
                    .isEqualTo("NOT_AVAILABLE");
            assertThat(progressive.business.admin().withHeader("Accept", "text/plain").get("/api/v1/metrics")
                    .expect(200).body()).contains("outdial_agents_set_not_available_total{business=\""
                            + progressive.business.id() + "\",reason=\"" + reason + "\"} 1.0");
            return page(agent.email(), PASSWORD, get("/workspace/state").param("reason", reason));
        } finally {
            sip.lines.phonesRing = false;
        }
    }

    @Test
    void theAgentsPageIsToldWhenTheirPhoneRegistersOrNot() {
        TestBusiness business = api.newBusiness("SipRegister");
        TestBusiness.Person agent = business.agent("registering");
        setPhone(business, agent, "sip-registering-" + agent.id());
        try (AgentEventsReader events = new AgentEventsReader(api.baseUrl(), agent.email(), PASSWORD)) {
            events.awaitConnected();
            sip.registrations.set(agent.id(), true);
            events.await("phone-registration");
            assertThat(page(agent.email(), PASSWORD, get("/workspace/state"))).contains("data-registered=\"true\"");

            agent.client().put("/api/v1/me/state", Map.of("state", "AVAILABLE")).expect(200);
            sip.registrations.set(agent.id(), false);
            waitFor(() -> agent.client().get("/api/v1/me/state").expect(200).json().get("state").asString(),
                    "NOT_AVAILABLE"::equals, "an unregistered agent to be set Not available");
        }
    }

    @Test
    void callsAreAnsweredOnThePhoneAndTheSimulatedExtrasAreGone() {
        TestBusiness business = api.newBusiness("SipNoSim");
        TestBusiness.Person agent = business.agent("phoneonly");
        assertProblem(agent.client().post("/api/v1/me/phone/answer"), 409, "ANSWER_ON_PHONE");
        business.admin().post("/api/v1/sim/inbound-calls", Map.of("queueId", 1, "callerNumber", "0901234567"))
                .expect(409);
    }

    @Test
    void anIvrWithSpokenTextIsRefusedWhenTheServerCannotSpeakIt() {
        TestBusiness business = api.newBusiness("SipSpeech");
        Map<String, Object> spoken = Map.of("name", "Spoken", "root", "hello", "nodes",
                List.of(Map.of("id", "hello", "type", "PLAY", "prompt", "Xin chào")));
        sip.canSpeak = false;
        try {
            Api.Response refused = business.admin().post("/api/v1/ivrs", spoken).expect(400);
            assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("nodes[0].prompt");
            assertThat(refused.body()).contains("espeak-ng");
        } finally {
            sip.canSpeak = true;
        }
        business.admin().post("/api/v1/ivrs", spoken).expect(201);
    }

    @Test
    void theRegistrarSeesAnAgentsPhoneAccountUntilItIsRemoved() {
        TestBusiness business = api.newBusiness("SipBook");
        TestBusiness.Person agent = business.agent("booked");
        PhoneBook book = sip.phoneBook;
        // Unique on the platform, so the test runs again on a database that kept the last run's.
        String username = "sip-booked-" + agent.id();
        assertThat(book.account(username)).isEmpty();

        setPhone(business, agent, username);
        PhoneBook.PhoneAccount account = book.account(username).orElseThrow();
        assertThat(account.agent()).isEqualTo(FakeSipAdapter.agent(agent.id()));
        assertThat(account.ha1()).isEqualTo(AgentPhoneAccounts.ha1(username, "outdial-test", "Tr0ub4dor&3horse"));

        business.admin().delete("/api/v1/users/" + agent.id() + "/phone").expect(204);
        assertThat(book.account(username)).isEmpty();
    }

    /** A page as the signed-in user sees it. */
    private String page(String username, String password, MockHttpServletRequestBuilder request) {
        try {
            return mvc.perform(request.session(signIn(username, password))).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
        } catch (Exception failed) {
            throw new AssertionError(failed);
        }
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession(false);
    }

    @Test
    void theAdapterReadsTheUploadedAudioBehindThePromptsTheEngineNames() throws Exception {
        CampaignFixtures fixtures = new CampaignFixtures(api.newBusiness("SipPrompts"));
        long music = fixtures.waitingMusicId();
        byte[] uploaded = fixtures.business().admin().download("/api/v1/audio/" + music + "/content").body();

        try (InputStream queued = sip.prompts.open("/api/v1/audio/" + music + "/content").orElseThrow();
             InputStream ivr = sip.prompts.open("outdial:audio/" + music).orElseThrow()) {
            assertThat(queued.readAllBytes()).isEqualTo(uploaded);
            assertThat(ivr.readAllBytes()).isEqualTo(uploaded);
        }
        assertThat(sip.prompts.open("outdial:audio/" + (music + 1_000_000))).isEmpty();
        assertThat(sip.prompts.open("https://example.com/hold.wav")).isEmpty();
    }

    /** A running campaign whose agent, their phone registered, is Available with it open. */
    private DialingScenario workingWithRegisteredPhone(String label, String dialMode) {
        DialingScenario scenario = DialingScenario.running(api.newBusiness(label), dialMode, Map.of());
        registered(scenario.business, scenario.fixtures.agent);
        scenario.ready(scenario.fixtures.agent);
        return scenario;
    }

    /** The agent has a phone account and their phone is registered. */
    private void registered(TestBusiness business, TestBusiness.Person agent) {
        setPhone(business, agent, "sip-" + agent.id());
        sip.registrations.set(agent.id(), true);
    }

    @Test
    void theTrunksCallsGoToTheQueueOfTheNumberDialedAndAreRefusedWhereNoQueueHereCanTakeThem() {
        TestBusiness business = api.newBusiness("SipRouting");
        String digits = "842874" + (100_000 + business.id() % 800_000);
        long queue = business.admin().post("/api/v1/queues", Map.of("name", "Routed", "callbackKey", "1",
                "maxWaitSeconds", 60, "numbers", List.of("+" + digits))).expect(201).id();

        // Another node paces the business: its agents are on that node's desk, so the trunk is sent there.
        DialingScenario.leaseHeldBy(db, business.id(), "other-node", Instant.now().plus(Duration.ofHours(1)));
        OfferedCall elsewhere = new OfferedCall(digits, "0912700003");
        sip.routing.offered(elsewhere);
        assertThat(elsewhere.refusal).isEqualTo(IncomingCall.Refusal.UNAVAILABLE);
        DialingScenario.leaseHeldBy(db, business.id(), "other-node", Instant.now().minusSeconds(1));

        OfferedCall routed = new OfferedCall(digits, "0912700001");
        sip.routing.offered(routed);
        assertThat(routed.refusal).isNull();
        assertThat(routed.listener).as("accepted into the queue").isNotNull();
        JsonNode waiting = waitFor(() -> business.admin().get("/api/v1/queues/" + queue + "/calls").expect(200).json(),
                calls -> calls.size() == 1, "the routed call in its queue").get(0);
        assertThat(waiting.get("id").asString()).isEqualTo(routed.leg.value());
        assertThat(waiting.get("callerNumber").asString()).as("read in the business's country").isEqualTo("+84912700001");
        routed.listener.accept(new CallEvent.HungUp(routed.leg, CallEvent.HungUp.Cause.FAR_END));
        waitFor(() -> business.admin().get("/api/v1/queues/" + queue + "/calls").expect(200).json().get(0)
                .get("result").asString(), "MISSED_CALLER_HUNG_UP"::equals, "the caller's hang-up to end the call");

        OfferedCall unknown = new OfferedCall("84287" + (900_000 + business.id() % 90_000), "0912700002");
        sip.routing.offered(unknown);
        assertThat(unknown.refusal).isEqualTo(IncomingCall.Refusal.UNKNOWN_NUMBER);
    }

    @Test
    void aBusinessWhoseQueuesHaveNumbersIsPacedOnTheNodeTheTrunkReachedThoughNothingRuns() {
        TestBusiness business = api.newBusiness("SipPaced");
        String digits = "842875" + (100_000 + business.id() % 800_000);
        business.admin().post("/api/v1/queues", Map.of("name", "Paced", "callbackKey", "1", "maxWaitSeconds", 60,
                "numbers", List.of("+" + digits))).expect(201);

        OfferedCall first = new OfferedCall(digits, "0912700004");
        sip.routing.offered(first);
        assertThat(first.refusal).isNull();
        // The node the call reached paces the business from now on, so its agents and callers meet on one node...
        String node = leaseOf(business).owner();
        assertThat(node).isNotEqualTo("other-node");
        Instant taken = leaseOf(business).until();
        // ...and its heartbeat keeps the lease, where a business with nothing running would give it up.
        waitFor(() -> leaseOf(business), lease -> lease.until().isAfter(taken), "the lease renewed by a heartbeat");
        assertThat(leaseOf(business).owner()).isEqualTo(node);
        first.listener.accept(new CallEvent.HungUp(first.leg, CallEvent.HungUp.Cause.FAR_END));
    }

    private DialerLeaseRepository.Holder leaseOf(TestBusiness business) {
        return leases.holder(business.id()).orElseThrow();
    }

    /** A call the fake trunk offers: what the routing made of it. */
    private static final class OfferedCall implements IncomingCall {
        private final String dialed;
        private final String caller;
        private final CallId leg = new CallId("trunk-call-" + System.nanoTime());
        private volatile Consumer<CallEvent> listener;
        private volatile Refusal refusal;

        private OfferedCall(String dialed, String caller) {
            this.dialed = dialed;
            this.caller = caller;
        }

        @Override
        public String dialedNumber() {
            return dialed;
        }

        @Override
        public String callerNumber() {
            return caller;
        }

        @Override
        public CallId accept(Consumer<CallEvent> listener) {
            this.listener = listener;
            return leg;
        }

        @Override
        public void refuse(Refusal why) {
            refusal = why;
        }
    }

    private static void setPhone(TestBusiness business, TestBusiness.Person agent, String username) {
        business.admin().put("/api/v1/users/" + agent.id() + "/phone",
                Map.of("sipUsername", username, "sipPassword", "Tr0ub4dor&3horse")).expect(200);
    }
}
