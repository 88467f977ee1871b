package dev.outdial.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.media.AudioSamples;
import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@OutdialIntegrationTest
class InboundQueuesTest {

    @Autowired
    Api api;

    TestBusiness business;
    long notification;

    @BeforeEach
    void aBusinessWithANotification() {
        business = api.newBusiness("queues");
        notification = business.admin().upload("/api/v1/audio", "we-will-call.wav", AudioSamples.wav(800)).expect(201).id();
    }

    private Map<String, Object> support() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Support");
        body.put("callbackKey", "#");
        body.put("minSecondsBeforeCallback", 20);
        body.put("maxWaitSeconds", 60);
        body.put("notificationAudioId", notification);
        body.put("ticketsForMissedCalls", true);
        return body;
    }

    @Test
    void aQueueKeepsItsCallbackSettings() {
        JsonNode queue = business.admin().post("/api/v1/queues", support()).expect(201).json();

        assertThat(queue.get("callbackKey").asString()).isEqualTo("#");
        assertThat(queue.get("minSecondsBeforeCallback").asInt()).isEqualTo(20);
        assertThat(queue.get("maxWaitSeconds").asInt()).isEqualTo(60);
        assertThat(queue.get("notificationAudioId").asLong()).isEqualTo(notification);
        assertThat(queue.get("ticketsForMissedCalls").asBoolean()).isTrue();
        assertThat(business.admin().get("/api/v1/queues").expect(200).json().size()).isEqualTo(1);
    }

    @Test
    void everyFieldIsCheckedAndNamed() {
        Map<String, Object> body = support();
        body.put("name", " ");
        body.put("callbackKey", "0");
        body.put("minSecondsBeforeCallback", -1);
        body.put("maxWaitSeconds", 3601);
        body.put("notificationAudioId", notification + 1000);

        Api.Response response = business.admin().post("/api/v1/queues", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "name", "callbackKey", "minSecondsBeforeCallback", "maxWaitSeconds", "notificationAudioId");
    }

    @Test
    void theCallbackWindowMustOpenBeforeItCloses() {
        Map<String, Object> body = support();
        body.put("minSecondsBeforeCallback", 60);

        Api.Response response = business.admin().withHeader("Accept-Language", "vi").post("/api/v1/queues", body);

        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("minSecondsBeforeCallback");
        assertThat(response.json().get("errors").get(0).get("message").asString()).contains("thời gian chờ tối đa");
    }

    @Test
    void theNotificationCannotBeDeletedWhileAQueuePlaysIt() {
        long queue = business.admin().post("/api/v1/queues", support()).expect(201).id();

        business.admin().delete("/api/v1/audio/" + notification).expect(409);
        business.admin().delete("/api/v1/queues/" + queue).expect(204);
        business.admin().delete("/api/v1/audio/" + notification).expect(204);
    }

    @Test
    void rolesAndIsolation() {
        long queue = business.admin().post("/api/v1/queues", support()).expect(201).id();

        business.person("SUPERVISOR", "sup").client().get("/api/v1/queues/" + queue).expect(200);
        business.person("SUPERVISOR", "sup2").client().post("/api/v1/queues", support()).expect(403);
        business.agent("agent").client().get("/api/v1/queues").expect(403);
        TestBusiness other = api.newBusiness("other-queues");
        other.admin().get("/api/v1/queues/" + queue).expect(404);
        other.admin().delete("/api/v1/queues/" + queue).expect(404);
        Map<String, Object> theirs = support();
        theirs.put("notificationAudioId", notification);
        assertThat(other.admin().post("/api/v1/queues", theirs).expect(400).json().get("errors")
                .findValuesAsString("field")).containsExactly("notificationAudioId");
    }
}
