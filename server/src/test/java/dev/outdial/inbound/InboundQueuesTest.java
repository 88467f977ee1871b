package dev.outdial.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.inbound.QueueRules;
import dev.outdial.engine.port.Telephony;
import dev.outdial.media.AudioSamples;
import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@OutdialIntegrationTest
class InboundQueuesTest {

    @Autowired
    Api api;

    @Autowired
    InboundCalls calls;

    TestBusiness business;
    long notification;
    long music;

    @BeforeEach
    void aBusinessWithANotificationAndMusic() {
        business = api.newBusiness("queues");
        notification = business.admin().upload("/api/v1/audio", "we-will-call.wav", AudioSamples.wav(800)).expect(201).id();
        music = business.admin().upload("/api/v1/audio", "hold-on.wav", AudioSamples.wav(1500)).expect(201).id();
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
        body.put("waitingMusicAudioId", music + 1000);

        Api.Response response = business.admin().post("/api/v1/queues", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "name", "callbackKey", "minSecondsBeforeCallback", "maxWaitSeconds", "notificationAudioId",
                "waitingMusicAudioId");
    }

    @Test
    void aQueueKeepsItsWaitingMusicUntilAnUpdateLeavesItOut() {
        Map<String, Object> body = support();
        body.put("waitingMusicAudioId", music);

        JsonNode queue = business.admin().post("/api/v1/queues", body).expect(201).json();
        long id = queue.get("id").asLong();

        assertThat(queue.get("waitingMusicAudioId").asLong()).isEqualTo(music);
        assertThat(business.admin().get("/api/v1/queues/" + id).expect(200).json().get("waitingMusicAudioId").asLong())
                .isEqualTo(music);
        body.put("waitingMusicAudioId", notification);
        assertThat(business.admin().put("/api/v1/queues/" + id, body).expect(200).json().get("waitingMusicAudioId")
                .asLong()).isEqualTo(notification);
        assertThat(business.admin().put("/api/v1/queues/" + id, support()).expect(200).json().get("waitingMusicAudioId")
                .isNull()).isTrue();
    }

    @Test
    void unknownWaitingMusicIsNamedInTheCallersLanguage() {
        Map<String, Object> body = support();
        body.put("waitingMusicAudioId", music + 1000);

        JsonNode errors = business.admin().withHeader("Accept-Language", "vi").post("/api/v1/queues", body)
                .expect(400).json().get("errors");

        assertThat(errors.findValuesAsString("field")).containsExactly("waitingMusicAudioId");
        assertThat(errors.get(0).get("message").asString()).contains("nhạc chờ", String.valueOf(music + 1000));
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
    void theWaitingMusicCannotBeDeletedWhileAQueuePlaysIt() {
        Map<String, Object> body = support();
        body.put("waitingMusicAudioId", music);
        long queue = business.admin().post("/api/v1/queues", body).expect(201).id();

        assertThat(business.admin().delete("/api/v1/audio/" + music).expect(409).body()).contains("Audio file 'hold-on'");
        business.admin().put("/api/v1/queues/" + queue, support()).expect(200);
        business.admin().delete("/api/v1/audio/" + music).expect(204);
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
        theirs.put("waitingMusicAudioId", music);
        assertThat(other.admin().post("/api/v1/queues", theirs).expect(400).json().get("errors")
                .findValuesAsString("field")).containsExactlyInAnyOrder("notificationAudioId", "waitingMusicAudioId");
    }

    /** A Vietnamese mobile number in national format, new to the platform: numbers are unique across businesses. */
    private static String aNationalNumber() {
        return "09" + ThreadLocalRandom.current().nextLong(10_000_000, 100_000_000);
    }

    private static String e164(String national) {
        return "+84" + national.substring(1);
    }

    private Map<String, Object> supportAnswering(Object... numbers) {
        Map<String, Object> body = support();
        body.put("numbers", List.of(numbers));
        return body;
    }

    private static List<String> numbersOf(JsonNode queue) {
        List<String> numbers = new ArrayList<>();
        queue.get("numbers").forEach(number -> numbers.add(number.asString()));
        return numbers;
    }

    @Test
    void aQueuesNumbersAreReadInTheBusinesssCountryAndKeptInTheirOrder() {
        String mobile = aNationalNumber();
        String international = e164(aNationalNumber());

        JsonNode queue = business.admin().post("/api/v1/queues", supportAnswering(
                mobile.substring(0, 4) + " " + mobile.substring(4), international)).expect(201).json();

        assertThat(numbersOf(queue)).containsExactly(e164(mobile), international);
        assertThat(numbersOf(business.admin().get("/api/v1/queues/" + queue.get("id").asLong()).expect(200).json()))
                .containsExactly(e164(mobile), international);
    }

    @Test
    void everyWrongNumberIsNamedByItsPlaceInTheList() {
        Api.Response response = business.admin().post("/api/v1/queues",
                supportAnswering(aNationalNumber(), "12", "not a number", aNationalNumber()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field"))
                .containsExactly("numbers[1]", "numbers[2]");
    }

    @Test
    void aNumberGivenTwiceIsRejected() {
        String number = aNationalNumber();

        Api.Response response = business.admin().post("/api/v1/queues", supportAnswering(number, e164(number)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("numbers[1]");
    }

    @Test
    void aQueueAnswersAtMostTwentyNumbers() {
        List<String> twentyOne = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            twentyOne.add(aNationalNumber());
        }
        Map<String, Object> body = support();
        body.put("numbers", twentyOne);

        Api.Response response = business.admin().post("/api/v1/queues", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("numbers");
        body.put("numbers", twentyOne.subList(0, 20));
        assertThat(numbersOf(business.admin().post("/api/v1/queues", body).expect(201).json())).hasSize(20);
    }

    @Test
    void aNumberRoutesToOneQueueOnlyAndTheRefusalDoesNotSayWhose() {
        String number = aNationalNumber();
        TestBusiness other = api.newBusiness("other-numbers");
        Map<String, Object> theirs = supportAnswering(number);
        theirs.put("name", "Their secret queue");
        theirs.remove("notificationAudioId");
        long theirQueue = other.admin().post("/api/v1/queues", theirs).expect(201).id();

        Api.Response taken = business.admin().post("/api/v1/queues", supportAnswering(number));

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body()).contains(e164(number))
                .doesNotContain(other.name(), "Their secret queue");
        Map<String, Object> second = new HashMap<>(theirs);
        second.put("name", "Their other queue");
        other.admin().post("/api/v1/queues", second).expect(409);
        other.admin().put("/api/v1/queues/" + theirQueue, theirs).expect(200);
    }

    @Test
    void deletingAQueueFreesItsNumbers() {
        String number = aNationalNumber();
        long queue = business.admin().post("/api/v1/queues", supportAnswering(number)).expect(201).id();
        TestBusiness other = api.newBusiness("freed-numbers");
        Map<String, Object> theirs = supportAnswering(number);
        theirs.remove("notificationAudioId");

        other.admin().post("/api/v1/queues", theirs).expect(409);
        business.admin().delete("/api/v1/queues/" + queue).expect(204);

        long theirQueue = other.admin().post("/api/v1/queues", theirs).expect(201).id();
        assertThat(calls.routeOf(e164(number))).contains(new QueueRoute(other.id(), theirQueue));
    }

    @Test
    void anUpdateReplacesTheNumbersAndWithoutThemTheQueueHasNone() {
        String first = aNationalNumber();
        String second = aNationalNumber();
        long queue = business.admin().post("/api/v1/queues", supportAnswering(first)).expect(201).id();

        JsonNode renumbered = business.admin().put("/api/v1/queues/" + queue, supportAnswering(second)).expect(200).json();
        assertThat(numbersOf(renumbered)).containsExactly(e164(second));
        assertThat(calls.routeOf(e164(first))).isEmpty();

        JsonNode without = business.admin().put("/api/v1/queues/" + queue, support()).expect(200).json();
        assertThat(numbersOf(without)).isEmpty();
        assertThat(calls.routeOf(e164(second))).isEmpty();
    }

    @Test
    void aDialedNumberFindsItsQueueWithOrWithoutThePlus() {
        String number = aNationalNumber();
        long queue = business.admin().post("/api/v1/queues", supportAnswering(number)).expect(201).id();
        QueueRoute route = new QueueRoute(business.id(), queue);
        String digits = e164(number).substring(1);

        assertThat(calls.routeOf("+" + digits)).contains(route);
        assertThat(calls.routeOf(digits)).contains(route);
        assertThat(calls.routeOf("00" + digits)).contains(route);
        assertThat(calls.routeOf(e164(aNationalNumber()))).isEmpty();
        assertThat(calls.routeOf("")).isEmpty();
        assertThat(calls.routeOf(null)).isEmpty();
    }

    @Test
    void aBusinessNeverSeesAnotherBusinesssNumbers() {
        String ours = aNationalNumber();
        String theirs = aNationalNumber();
        business.admin().post("/api/v1/queues", supportAnswering(ours)).expect(201);
        TestBusiness other = api.newBusiness("own-numbers");
        Map<String, Object> theirQueue = supportAnswering(theirs);
        theirQueue.remove("notificationAudioId");
        other.admin().post("/api/v1/queues", theirQueue).expect(201);

        JsonNode list = business.admin().get("/api/v1/queues").expect(200).json();

        assertThat(list.size()).isEqualTo(1);
        assertThat(numbersOf(list.get(0))).containsExactly(e164(ours));
        assertThat(business.admin().get("/api/v1/queues").expect(200).body()).doesNotContain(e164(theirs));
        assertThat(numbersOf(other.admin().get("/api/v1/queues").expect(200).json().get(0))).containsExactly(e164(theirs));
    }

    @Test
    void theEngineLoopsTheQueuesWaitingMusicAndAQueueWithoutPlaysNone() {
        Map<String, Object> withMusic = support();
        withMusic.put("waitingMusicAudioId", music);
        long musical = business.admin().post("/api/v1/queues", withMusic).expect(201).id();
        Map<String, Object> silent = support();
        silent.put("name", "Silent");
        long quiet = business.admin().post("/api/v1/queues", silent).expect(201).id();

        QueueRules rules = calls.rulesOf(business.id(), musical);

        assertThat(rules.waitingMusic()).contains(new Telephony.Prompt.AudioFile("/api/v1/audio/" + music + "/content"));
        assertThat(rules.notification())
                .contains(new Telephony.Prompt.AudioFile("/api/v1/audio/" + notification + "/content"));
        assertThat(calls.rulesOf(business.id(), quiet).waitingMusic()).isEmpty();
    }
}
