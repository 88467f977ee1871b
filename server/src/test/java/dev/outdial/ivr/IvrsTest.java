package dev.outdial.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.media.AudioSamples;
import dev.outdial.testing.Api;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@OutdialIntegrationTest
class IvrsTest {

    @Autowired
    Api api;

    TestBusiness business;

    @BeforeEach
    void aBusiness() {
        business = api.newBusiness("ivrs");
    }

    @Test
    void anIvrKeepsTheShapeItWasSentIn() {
        JsonNode ivr = business.admin().post("/api/v1/ivrs", IvrSamples.survey("Survey")).expect(201).json();

        assertThat(ivr.get("root").asString()).isEqualTo("n1");
        assertThat(ivr.get("nodes").size()).isEqualTo(4);
        JsonNode key = ivr.get("nodes").get(1).get("keys").get("1");
        assertThat(key.get("action").asString()).isEqualTo("SET_RESULT");
        assertThat(key.get("result").asString()).isEqualTo("INTERESTED");
        assertThat(business.admin().get("/api/v1/ivrs/" + ivr.get("id").asLong()).expect(200).json()).isEqualTo(ivr);
    }

    @Test
    void errorsNameThePathOfTheBrokenPart() {
        Map<String, Object> body = IvrSamples.survey("Broken");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> nodes = new java.util.ArrayList<>((List<Map<String, Object>>) body.get("nodes"));
        Map<String, Object> collect = new HashMap<>(nodes.get(1));
        collect.put("keys", Map.of("1", Map.of("action", "SET_RESULT", "result", "SOLD"),
                "2", Map.of("action", "GOTO", "target", "n9")));
        nodes.set(1, collect);
        body.put("nodes", nodes);

        Api.Response response = business.admin().post("/api/v1/ivrs", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "nodes[1].keys.1.result", "nodes[1].keys.2.target", "nodes[2].id");
    }

    @Test
    void aKeyUsedTwiceInANodeIsRefusedByName() {
        String body = """
                {"name": "Twice", "root": "n1", "nodes": [{"id": "n1", "type": "COLLECT", "prompt": "Press 1",
                  "timeoutSeconds": 5, "retries": 1, "keys": {
                    "1": {"action": "HANGUP"},
                    "1": {"action": "OPT_OUT"}}}]}
                """;

        Api.Response response = business.admin().send("POST", "/api/v1/ivrs", body);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("nodes[0].keys");
        assertThat(error.get("message").asString()).contains("\"1\"").contains("twice");
        assertThat(business.admin().get("/api/v1/ivrs").expect(200).body()).doesNotContain("Twice");
    }

    @Test
    void messagesComeInVietnameseToo() {
        Api.Response response = business.admin().withHeader("Accept-Language", "vi").post("/api/v1/ivrs",
                Map.of("name", "Lạc", "root", "n1", "nodes", List.of(Map.of("id", "n1", "type", "PLAY", "prompt", "Xin chào"),
                        Map.of("id", "n2", "type", "PLAY", "prompt", "Tạm biệt"))));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("message").asString()).contains("không thể đi tới nút");
    }

    @Test
    void anIvrACampaignNamesCannotBeDeletedAndACampaignCannotNameAnotherBusinesssIvr() {
        CampaignFixtures fixtures = new CampaignFixtures(business);
        fixtures.create("Reminders", "AUTOCALL");

        business.admin().delete("/api/v1/ivrs/" + fixtures.ivrId).expect(409);

        TestBusiness other = api.newBusiness("other-ivrs");
        long foreign = other.admin().post("/api/v1/ivrs", IvrSamples.survey("Theirs")).expect(201).id();
        Map<String, Object> body = fixtures.fullBody("Borrowed", "AUTOCALL");
        body.put("ivrId", foreign);
        Api.Response response = business.admin().post("/api/v1/campaigns", body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("ivrId");
    }

    @Test
    void anAudioFileANodePlaysCannotBeDeleted() {
        long audio = business.admin().upload("/api/v1/audio", "hello.wav", AudioSamples.wav(500)).expect(201).id();
        long ivr = business.admin().post("/api/v1/ivrs", Map.of("name", "Recorded", "root", "n1",
                "nodes", List.of(Map.of("id", "n1", "type", "PLAY", "audioId", audio)))).expect(201).id();

        business.admin().delete("/api/v1/audio/" + audio).expect(409);
        business.admin().delete("/api/v1/ivrs/" + ivr).expect(204);
        business.admin().delete("/api/v1/audio/" + audio).expect(204);
    }

    @Test
    void anotherBusinesssAudioIsNotAPrompt() {
        TestBusiness other = api.newBusiness("other-audio");
        long theirs = other.admin().upload("/api/v1/audio", "hello.wav", AudioSamples.wav(500)).expect(201).id();

        Api.Response response = business.admin().post("/api/v1/ivrs", Map.of("name", "Recorded", "root", "n1",
                "nodes", List.of(Map.of("id", "n1", "type", "PLAY", "audioId", theirs))));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("nodes[0].audioId");
    }

    @Test
    void adminsWriteSupervisorsReadAgentsNeitherAndOtherBusinessesSeeNothing() {
        long id = business.admin().post("/api/v1/ivrs", IvrSamples.survey("Survey")).expect(201).id();
        Api.Client supervisor = business.person("SUPERVISOR", "sup").client();
        Api.Client agent = business.agent("agent").client();

        supervisor.get("/api/v1/ivrs/" + id).expect(200);
        supervisor.put("/api/v1/ivrs/" + id, IvrSamples.survey("Mine")).expect(403);
        agent.get("/api/v1/ivrs").expect(403);
        TestBusiness other = api.newBusiness("other-ivrs");
        other.admin().get("/api/v1/ivrs/" + id).expect(404);
        other.admin().put("/api/v1/ivrs/" + id, IvrSamples.survey("Stolen")).expect(404);
        other.admin().delete("/api/v1/ivrs/" + id).expect(404);
        assertThat(business.admin().put("/api/v1/ivrs/" + id, IvrSamples.survey("Renamed")).expect(200).json()
                .get("name").asString()).isEqualTo("Renamed");
        business.admin().post("/api/v1/ivrs", IvrSamples.survey("renamed")).expect(409);
    }
}
