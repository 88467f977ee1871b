package dev.outdial.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** SPEC §4.2: UNAPPROVED → APPROVED → RUNNING ⇄ PAUSED → ENDED, by whom, and by the clock. */
@OutdialIntegrationTest
class CampaignLifecycleTest {

    @Autowired
    Api api;

    @Autowired
    Campaigns campaigns;

    TestBusiness business;
    CampaignFixtures fixtures;
    long id;

    @BeforeEach
    void anUnapprovedCampaign() {
        business = api.newBusiness("lifecycle");
        fixtures = new CampaignFixtures(business);
        id = fixtures.create("Lifecycle", "PROGRESSIVE");
    }

    @Test
    void startBeforeApprovalIsAConflictNamingTheStatus() {
        Api.Response refused = action("start");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("currentStatus").asString()).isEqualTo("UNAPPROVED");
        assertThat(refused.json().get("status").asInt()).as("RFC 9457: status is the HTTP status").isEqualTo(409);
        assertThat(refused.body().split("\"status\"", -1)).as("one status key").hasSize(2);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void approveStartPauseResumeStopAndStopIsFinal() {
        assertThat(status(action("approve").expect(200))).isEqualTo("APPROVED");
        assertThat(status(action("start").expect(200))).isEqualTo("RUNNING");
        assertThat(status(action("pause").expect(200))).isEqualTo("PAUSED");
        assertThat(status(action("resume").expect(200))).isEqualTo("RUNNING");
        assertThat(status(action("stop").expect(200))).isEqualTo("ENDED");

        for (String again : List.of("approve", "start", "pause", "resume", "stop")) {
            assertThat(action(again).status()).as(again).isEqualTo(409);
        }
        assertThat(business.admin().put("/api/v1/campaigns/" + id, fixtures.fullBody("Revived", "PROGRESSIVE"))
                .status()).isEqualTo(409);
    }

    @Test
    void everyStepIsRecordedWithWhoAndWhen() {
        action("approve").expect(200);
        action("start").expect(200);

        JsonNode history = business.admin().get("/api/v1/campaigns/" + id + "/history").expect(200).json();
        assertThat(history.findValuesAsString("action")).containsExactly("CREATE", "APPROVE", "START");
        assertThat(history.get(1).get("from").asString()).isEqualTo("UNAPPROVED");
        assertThat(history.get(1).get("to").asString()).isEqualTo("APPROVED");
        assertThat(history.get(1).get("actorName").asString()).startsWith("Admin of");
        assertThat(Instant.parse(history.get(2).get("at").asString())).isAfter(Instant.now().minus(Duration.ofMinutes(1)));
    }

    @Test
    void anAgentCannotApprove() {
        assertThat(fixtures.agent.client().post("/api/v1/campaigns/" + id + "/approve").status()).isEqualTo(403);
    }

    @Test
    void aSupervisorPausesAndResumesButNeitherApprovesStartsNorStops() {
        Api.Client supervisor = business.person("SUPERVISOR", "shift-lead").client();

        assertThat(supervisor.post("/api/v1/campaigns/" + id + "/approve").status()).isEqualTo(403);
        action("approve").expect(200);
        assertThat(supervisor.post("/api/v1/campaigns/" + id + "/start").status()).isEqualTo(403);
        action("start").expect(200);
        assertThat(status(supervisor.post("/api/v1/campaigns/" + id + "/pause").expect(200))).isEqualTo("PAUSED");
        assertThat(status(supervisor.post("/api/v1/campaigns/" + id + "/resume").expect(200))).isEqualTo("RUNNING");
        assertThat(supervisor.post("/api/v1/campaigns/" + id + "/stop").status()).isEqualTo(403);
        assertThat(supervisor.get("/api/v1/campaigns/" + id).status()).isEqualTo(200);
    }

    @Test
    void editingTheDialingSettingsOfAnApprovedCampaignNeedsApprovalAgain() {
        action("approve").expect(200);
        action("start").expect(200);
        Map<String, Object> body = fixtures.fullBody("Lifecycle", "PROGRESSIVE");
        body.put("retryGapMinutes", 90);

        JsonNode edited = business.admin().put("/api/v1/campaigns/" + id, body).expect(200).json();

        assertThat(edited.get("status").asString()).isEqualTo("UNAPPROVED");
        assertThat(edited.get("retryGapMinutes").asInt()).isEqualTo(90);
        assertThat(business.admin().get("/api/v1/campaigns/" + id + "/history").json().findValuesAsString("action"))
                .endsWith("EDIT_NEEDS_APPROVAL");
    }

    @Test
    void renamingAnApprovedCampaignKeepsItApproved() {
        action("approve").expect(200);
        Map<String, Object> body = fixtures.fullBody("Lifecycle renamed", "PROGRESSIVE");
        body.put("description", "New words, same rules");
        body.put("agentIds", List.of(fixtures.secondAgent.id(), fixtures.agent.id()));

        assertThat(status(business.admin().put("/api/v1/campaigns/" + id, body).expect(200))).isEqualTo("APPROVED");
    }

    @Test
    void approvalNeedsAgentsForACampaignThatUsesThem() {
        Map<String, Object> body = fixtures.fullBody("Nobody", "PREVIEW");
        body.put("agentIds", List.of());
        body.remove("agentQuotas");
        long lonely = business.admin().post("/api/v1/campaigns", body).expect(201).id();

        assertThat(business.admin().post("/api/v1/campaigns/" + lonely + "/approve").status()).isEqualTo(409);
    }

    @Test
    void anApprovedCampaignStartsByItselfAtItsStartTimeAndEndsAtItsEndTime() {
        action("approve").expect(200);

        campaigns.applyCampaignTimes(Instant.now());
        assertThat(status(business.admin().get("/api/v1/campaigns/" + id))).isEqualTo("APPROVED");

        campaigns.applyCampaignTimes(Instant.now().plus(Duration.ofDays(2)));
        assertThat(status(business.admin().get("/api/v1/campaigns/" + id))).isEqualTo("RUNNING");

        campaigns.applyCampaignTimes(Instant.now().plus(Duration.ofDays(31)));
        assertThat(status(business.admin().get("/api/v1/campaigns/" + id))).isEqualTo("ENDED");
        JsonNode history = business.admin().get("/api/v1/campaigns/" + id + "/history").json();
        assertThat(history.findValuesAsString("action")).endsWith("START_TIME_ARRIVED", "END_TIME_PASSED");
        assertThat(history.get(history.size() - 1).path("actorId").isNull()).as("ended by the system").isTrue();
    }

    @Test
    void aStartBeforeTheStartTimeIsAllowed() {
        action("approve").expect(200);
        assertThat(status(action("start").expect(200))).isEqualTo("RUNNING");
    }

    @Test
    void onlyUnapprovedOrEndedCampaignsCanBeDeleted() {
        action("approve").expect(200);
        assertThat(business.admin().delete("/api/v1/campaigns/" + id).status()).isEqualTo(409);

        action("stop").expect(200);
        business.admin().delete("/api/v1/campaigns/" + id).expect(204);
        assertThat(business.admin().get("/api/v1/campaigns/" + id).status()).isEqualTo(404);
    }

    private Api.Response action(String name) {
        return business.admin().post("/api/v1/campaigns/" + id + "/" + name);
    }

    private static String status(Api.Response response) {
        return response.json().get("status").asString();
    }
}
