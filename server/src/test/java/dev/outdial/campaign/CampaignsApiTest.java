package dev.outdial.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.media.AudioSamples;
import dev.outdial.testing.Api;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Campaign settings through the API: SPEC §4.1 per dial type, validated field by field. */
@OutdialIntegrationTest
class CampaignsApiTest {

    @Autowired
    Api api;

    TestBusiness business;
    CampaignFixtures fixtures;

    @BeforeEach
    void aBusinessReadyForCampaigns() {
        business = api.newBusiness("campaigns");
        fixtures = new CampaignFixtures(business);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MANUAL", "PREVIEW", "PROGRESSIVE", "PREDICTIVE", "AUTOCALL", "AUTO_CALLBACK"})
    void eachDialTypeIsCreatedUnapprovedWithEverySettingAsSent(String dialMode) {
        Map<String, Object> body = fixtures.fullBody("Full " + dialMode, dialMode);

        JsonNode created = business.admin().post("/api/v1/campaigns", body).expect(201).json();

        assertThat(created.get("status").asString()).isEqualTo("UNAPPROVED");
        assertThat(created.get("id").asLong()).isPositive();
        for (Map.Entry<String, Object> setting : body.entrySet()) {
            JsonNode value = created.get(setting.getKey());
            assertThat(value).as(setting.getKey()).isNotNull();
            switch (setting.getKey()) {
                case "startTime", "endTime" -> assertThat(OffsetDateTime.parse(value.asString()).toInstant())
                        .as(setting.getKey()).isEqualTo(OffsetDateTime.parse((String) setting.getValue()).toInstant());
                default -> assertThat(value.toString()).as(setting.getKey())
                        .isEqualTo(Api.tree(setting.getValue()).toString());
            }
        }
        JsonNode readBack = business.admin().get("/api/v1/campaigns/" + created.get("id").asLong()).expect(200).json();
        assertThat(readBack).isEqualTo(created);
    }

    @Test
    void settingsLeftOutTakeTheDialTypesDefaultsAndOtherTypesSettingsStayOut() {
        Map<String, Object> body = fixtures.common("Defaults", "PREDICTIVE");

        JsonNode created = business.admin().post("/api/v1/campaigns", body).expect(201).json();

        assertThat(created.get("maxAbandonRate").asDouble()).isEqualTo(0.03);
        assertThat(created.get("agentAnswerTimeoutSeconds").asInt()).isEqualTo(30);
        assertThat(created.has("previewSeconds")).isFalse();
        assertThat(created.has("hotlineRotation")).isFalse();
        assertThat(created.get("answeringMachineDetection").asBoolean()).as("machines reach agents unless asked").isFalse();
    }

    @Test
    void answeringMachineDetectionIsKeptWhereCallsAreDialedForAgentsOrAnIvrAndRefusedWhereAnAgentDials() {
        for (String mode : List.of("PROGRESSIVE", "PREDICTIVE", "AUTOCALL")) {
            JsonNode created = business.admin().post("/api/v1/campaigns", fixtures.fullBody("Listening " + mode, mode))
                    .expect(201).json();
            JsonNode readBack = business.admin().get("/api/v1/campaigns/" + created.get("id").asLong()).expect(200).json();
            assertThat(readBack.get("answeringMachineDetection").asBoolean()).as(mode).isTrue();
        }
        for (String mode : List.of("MANUAL", "PREVIEW", "AUTO_CALLBACK")) {
            JsonNode problem = assertRejected(with(fixtures.fullBody("Deaf " + mode, mode), "answeringMachineDetection",
                    true), "answeringMachineDetection");
            assertThat(problem.get("errors").get(0).get("message").asString()).contains(mode);
        }
        assertThat(business.admin().post("/api/v1/campaigns", with(fixtures.fullBody("Maybe", "PROGRESSIVE"),
                "answeringMachineDetection", "sometimes")).status()).isEqualTo(400);
    }

    @Test
    void everyDialTypeMayRecordItsCallsAndNoneDoesUnlessAsked() {
        for (String mode : List.of("MANUAL", "PREVIEW", "PROGRESSIVE", "PREDICTIVE", "AUTOCALL", "AUTO_CALLBACK")) {
            JsonNode recording = business.admin().post("/api/v1/campaigns",
                    with(fixtures.fullBody("Recorded " + mode, mode), "recordCalls", true)).expect(201).json();
            assertThat(recording.get("recordCalls").asBoolean()).as(mode).isTrue();
            JsonNode quiet = business.admin().post("/api/v1/campaigns", fixtures.fullBody("Unrecorded " + mode, mode))
                    .expect(201).json();
            assertThat(quiet.get("recordCalls").asBoolean()).as(mode).isFalse();
        }
        assertThat(business.admin().post("/api/v1/campaigns", with(fixtures.fullBody("Maybe recorded", "MANUAL"),
                "recordCalls", "sometimes")).status()).isEqualTo(400);
    }

    @Test
    void aCampaignReadBackCanBeSentAgainUnchanged() {
        long id = fixtures.create("Round trip", "AUTOCALL");

        business.admin().put("/api/v1/campaigns/" + id, fixtures.editable(id)).expect(200);
    }

    @Test
    void aVoicemailMessageIsOneOfTheBusinesssAudioFilesLeftOnlyWhereMachinesAreToldApart() {
        long message = business.admin().upload("/api/v1/audio?name=Voicemail%20" + System.nanoTime(), "message.wav",
                AudioSamples.wav(400)).expect(201).id();
        long theirs = new CampaignFixtures(api.newBusiness("voicemail-neighbour")).waitingMusicId();
        Map<String, Object> listening = with(fixtures.fullBody("Leaves messages", "AUTOCALL"), "voicemailMessageId", message);

        JsonNode created = business.admin().post("/api/v1/campaigns", listening).expect(201).json();
        assertThat(created.get("voicemailMessageId").asLong()).isEqualTo(message);
        assertThat(business.admin().delete("/api/v1/audio/" + message).status()).as("a message a campaign leaves is kept")
                .isEqualTo(409);

        Map<String, Object> deaf = with(with(fixtures.fullBody("Deaf messages", "PREDICTIVE"), "voicemailMessageId",
                message), "answeringMachineDetection", false);
        assertThat(assertRejected(deaf, "voicemailMessageId").get("errors").get(0).get("message").asString())
                .contains("answeringMachineDetection");
        assertRejected(with(fixtures.fullBody("Borrowed message", "PROGRESSIVE"), "voicemailMessageId", theirs),
                "voicemailMessageId");
        assertRejected(with(fixtures.fullBody("Preview message", "PREVIEW"), "voicemailMessageId", message),
                "voicemailMessageId");
    }

    @Test
    void moreThanOneHundredConcurrentCallsIsRejected() {
        assertRejected(with(fixtures.fullBody("Too many", "AUTOCALL"), "maxConcurrentCalls", 101), "maxConcurrentCalls");
    }

    @Test
    void anAbandonRateAboveTenPercentIsRejected() {
        assertRejected(with(fixtures.fullBody("Too rude", "PREDICTIVE"), "maxAbandonRate", 0.2), "maxAbandonRate");
        assertRejected(with(fixtures.fullBody("No abandon", "PREDICTIVE"), "maxAbandonRate", 0), "maxAbandonRate");
    }

    @Test
    void anEndBeforeTheStartIsRejected() {
        Map<String, Object> body = fixtures.fullBody("Backwards", "MANUAL");
        body.put("endTime", CampaignFixtures.inDays(0).toString());
        body.put("startTime", CampaignFixtures.inDays(2).toString());
        assertRejected(body, "endTime");
    }

    @Test
    void aPreviewTimeOnAManualCampaignIsRejectedNamingIt() {
        JsonNode problem = assertRejected(with(fixtures.fullBody("Manual preview", "MANUAL"), "previewSeconds", 10),
                "previewSeconds");
        assertThat(problem.get("errors").get(0).get("message").asString()).contains("MANUAL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wrapUpSeconds", "scriptId", "dailyQuota", "maxAbandonRate", "previewSeconds"})
    void settingsOfOtherDialTypesAreRejectedOnAnAutocallCampaign(String setting) {
        Object value = setting.equals("maxAbandonRate") ? 0.05 : 5;
        assertRejected(with(fixtures.fullBody("Autocall " + setting, "AUTOCALL"), setting, value), setting);
    }

    @Test
    void anUnknownAgentIsRejected() {
        assertRejected(with(fixtures.fullBody("Ghost agent", "PROGRESSIVE"), "agentIds", List.of(987654321L)), "agentIds");
    }

    @Test
    void anAgentOfAnotherBusinessIsRejected() {
        TestBusiness.Person stranger = api.newBusiness("other").agent("stranger");
        assertRejected(with(fixtures.fullBody("Stranger", "PROGRESSIVE"), "agentIds", List.of(stranger.id())), "agentIds");
    }

    @Test
    void waitingMusicMustBeAnAudioFileOfTheBusiness() {
        long theirs = new CampaignFixtures(api.newBusiness("music-neighbour")).waitingMusicId();

        assertRejected(with(fixtures.fullBody("Made-up music", "PREDICTIVE"), "waitingMusicId", 987_654), "waitingMusicId");
        assertRejected(with(fixtures.fullBody("Borrowed music", "PREDICTIVE"), "waitingMusicId", theirs), "waitingMusicId");
    }

    @Test
    void waitingMusicPlayedByACampaignIsNotDeleted() {
        long campaign = fixtures.create("Music kept", "PREDICTIVE");
        long music = business.admin().get("/api/v1/campaigns/" + campaign).expect(200).json().get("waitingMusicId").asLong();

        assertThat(business.admin().delete("/api/v1/audio/" + music).status()).isEqualTo(409);
    }

    @Test
    void aSupervisorCannotBeAssignedAsAnAgent() {
        TestBusiness.Person supervisor = business.person("SUPERVISOR", "boss");
        assertRejected(with(fixtures.fullBody("Boss", "MANUAL"), "agentIds", List.of(supervisor.id())), "agentIds");
    }

    @Test
    void anotherBusinessesHotlineAndScheduleAreUnknown() {
        CampaignFixtures others = new CampaignFixtures(api.newBusiness("neighbour"));
        Map<String, Object> body = fixtures.fullBody("Borrowing", "MANUAL");
        body.put("hotlineIds", List.of(others.hotlineId));
        body.put("workingHoursId", others.workingHoursId);

        JsonNode problem = assertRejected(body, "hotlineIds");
        assertThat(problem.get("errors").findValuesAsString("field")).contains("workingHoursId");
    }

    @Test
    void aQuotaForAnAgentOutsideTheCampaignIsRejected() {
        TestBusiness.Person outsider = business.agent("outsider");
        Map<String, Object> body = fixtures.fullBody("Quota", "MANUAL");
        body.put("agentQuotas", Map.of(String.valueOf(outsider.id()), 10));
        assertRejected(body, "agentQuotas");
    }

    @Test
    void groupRotationNeedsAGroupAndSingleRotationOneHotline() {
        Map<String, Object> group = with(fixtures.fullBody("Group", "AUTOCALL"), "hotlineRotation", "RANDOM_GROUP");
        assertRejected(group, "hotlineGroupId");

        long second = business.admin().post("/api/v1/hotlines", Map.of("number", "+84 24 7300 9999", "name", "Two"))
                .expect(201).id();
        assertRejected(with(fixtures.fullBody("Two lines", "AUTOCALL"), "hotlineIds", List.of(fixtures.hotlineId, second)),
                "hotlineIds");
    }

    @Test
    void aMappingKeyMustBeATechnicalResult() {
        long classification = business.admin().get("/api/v1/call-classifications").expect(200).json().get(0).get("id").asLong();
        Map<String, Object> body = fixtures.fullBody("Mapped", "MANUAL");
        body.put("classificationMapping", Map.of("BUSY", classification));
        business.admin().post("/api/v1/campaigns", body).expect(201);

        body.put("name", "Badly mapped");
        body.put("classificationMapping", Map.of("SLEEPY", classification));
        assertRejected(body, "classificationMapping");
    }

    @Test
    void campaignNamesAreUniqueInTheBusiness() {
        fixtures.create("Twins", "MANUAL");
        assertThat(business.admin().post("/api/v1/campaigns", fixtures.fullBody("twins", "PREVIEW")).status())
                .isEqualTo(409);
    }

    @Test
    void everyMissingRequiredSettingIsNamedAtOnce() {
        JsonNode problem = business.admin().post("/api/v1/campaigns", Map.of("dialMode", "MANUAL")).expect(400).json();

        assertThat(problem.get("errors").findValuesAsString("field"))
                .contains("name", "startTime", "endTime", "workingHoursId", "hotlineIds");
    }

    @Test
    void theListFiltersByNameStatusAndDialType() {
        long manual = fixtures.create("Spring sale", "MANUAL");
        fixtures.create("Autumn sale", "PREDICTIVE");
        business.admin().post("/api/v1/campaigns/" + manual + "/approve").expect(200);

        assertThat(names("/api/v1/campaigns?name=sale")).containsExactlyInAnyOrder("Spring sale", "Autumn sale");
        assertThat(names("/api/v1/campaigns?status=APPROVED")).containsExactly("Spring sale");
        assertThat(names("/api/v1/campaigns?dialMode=PREDICTIVE")).containsExactly("Autumn sale");
        assertThat(names("/api/v1/campaigns?name=spring&dialMode=PREDICTIVE")).isEmpty();
    }

    @Test
    void anotherBusinessesCampaignIsNotFound() {
        long id = fixtures.create("Private", "MANUAL");
        TestBusiness other = api.newBusiness("snoop");

        assertThat(other.admin().get("/api/v1/campaigns/" + id).status()).isEqualTo(404);
        assertThat(other.admin().post("/api/v1/campaigns/" + id + "/approve").status()).isEqualTo(404);
        assertThat(other.admin().delete("/api/v1/campaigns/" + id).status()).isEqualTo(404);
        assertThat(other.admin().get("/api/v1/campaigns").body()).doesNotContain("Private");
    }

    @Test
    void agentsCannotSeeOrChangeCampaignsThroughTheAdminApi() {
        Api.Client agent = fixtures.agent.client();

        assertThat(agent.get("/api/v1/campaigns").status()).isEqualTo(403);
        assertThat(agent.post("/api/v1/campaigns", fixtures.fullBody("Agent's own", "MANUAL")).status()).isEqualTo(403);
    }

    private List<String> names(String path) {
        return business.admin().get(path).expect(200).json().findValuesAsString("name");
    }

    private JsonNode assertRejected(Map<String, Object> body, String field) {
        Api.Response response = business.admin().post("/api/v1/campaigns", body);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode problem = response.json();
        assertThat(problem.get("errors").findValuesAsString("field")).as(response.body()).contains(field);
        return problem;
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        body.put(key, value);
        return body;
    }
}
