package dev.outdial.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.outdial.call.CallActivities;
import dev.outdial.call.CallActivity;
import dev.outdial.call.CallRecordings;
import dev.outdial.testing.Api;
import dev.outdial.testing.Await;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import dev.outdial.testing.TestRecordings;
import dev.outdial.testing.WebhookOutbox;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Issue 8: a receiver on localhost gets each event once per change, signed, and again after a 500. */
@OutdialIntegrationTest
class WebhooksTest {

    @Autowired
    Api api;
    @Autowired
    JdbcClient db;
    @Autowired
    CallRecordings recordings;
    @Autowired
    CallActivities activities;

    TestBusiness business;
    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresToGive = new AtomicInteger();

    record Received(String event, String delivery, String timestamp, String signature, String body, String protocol,
                    String upgrade) {
    }

    @BeforeEach
    void aReceiverOnLocalhost() throws IOException {
        business = api.newBusiness("webhooks");
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            int status = failuresToGive.getAndUpdate(left -> Math.max(0, left - 1)) > 0 ? 500 : 204;
            if (status == 204) {
                received.add(new Received(headers.getFirst("X-Outdial-Event"), headers.getFirst("X-Outdial-Delivery"),
                        headers.getFirst("X-Outdial-Timestamp"), headers.getFirst("X-Outdial-Signature"), body,
                        exchange.getProtocol(), headers.getFirst("Upgrade")));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aCampaignStatusChangeIsDeliveredOnceAndSigned() throws Exception {
        JsonNode webhook = register(List.of("CAMPAIGN_STATUS_CHANGED"));
        String secret = webhook.get("secret").asString();
        long campaign = new CampaignFixtures(business).create("Hooked", "MANUAL");

        business.admin().post("/api/v1/campaigns/" + campaign + "/approve").expect(200);

        awaitReceived(1);
        Received delivery = received.getFirst();
        assertThat(delivery.event()).isEqualTo("campaign.status_changed");
        assertThat(delivery.protocol()).isEqualTo("HTTP/1.1");
        assertThat(delivery.upgrade()).as("no h2c upgrade offered").isNull();
        assertThat(delivery.signature()).isEqualTo(sign(secret, delivery.timestamp() + "." + delivery.body()));
        JsonNode payload = JsonMapper.builder().build().readTree(delivery.body());
        assertThat(payload.get("data").get("campaignId").asLong()).isEqualTo(campaign);
        assertThat(payload.get("data").get("to").asString()).isEqualTo("APPROVED");
        assertThat(payload.get("id").asString()).isEqualTo(delivery.delivery());
        WebhookOutbox.awaitAllDelivered(business, webhook.get("id").asLong(), 1);
        assertThat(received).hasSize(1);
        assertThat(business.admin().get("/api/v1/webhooks/" + webhook.get("id").asLong()).json().has("secret")).isFalse();
    }

    @Test
    void aDeliveryAnswered500IsRetriedAndListedWithItsOutcome() throws Exception {
        JsonNode webhook = register(List.of("CAMPAIGN_STATUS_CHANGED"));
        failuresToGive.set(1);
        long campaign = new CampaignFixtures(business).create("Retried", "MANUAL");

        business.admin().post("/api/v1/campaigns/" + campaign + "/approve").expect(200);

        // The row is marked delivered once the receiver's 204 is back, a moment after it got the request.
        List<JsonNode> deliveries = WebhookOutbox.awaitAllDelivered(business, webhook.get("id").asLong(), 1);
        assertThat(received).hasSize(1);
        assertThat(deliveries.get(0).get("attempts").asInt()).isEqualTo(2);
        assertThat(deliveries.get(0).get("lastStatusCode").asInt()).isEqualTo(204);
        assertThat(deliveries.get(0).has("nextAttemptAt")).as("a delivered row has no next attempt").isFalse();
    }

    @Test
    void eventsNotAskedForAreNotSentAndBadUrlsAreRefused() throws Exception {
        long webhook = register(List.of("CALL_ENDED")).get("id").asLong();
        long campaign = new CampaignFixtures(business).create("Quiet", "MANUAL");
        business.admin().post("/api/v1/campaigns/" + campaign + "/approve").expect(200);
        // A delivery is queued with the change it reports, before the approval answered: none was.
        assertThat(WebhookOutbox.deliveries(business, webhook)).isEmpty();
        assertThat(received).isEmpty();

        for (String url : List.of("ftp://example.com/hook", "not a url", "https://user:pw@example.com/")) {
            var refused = business.admin().post("/api/v1/webhooks", Map.of("url", url, "events", List.of("CALL_ENDED")));
            assertThat(refused.status()).as(url).isEqualTo(400);
        }
        assertThat(business.agent("nosy").client().get("/api/v1/webhooks").status()).isEqualTo(403);
    }

    @Test
    void aKeptRecordingIsDeliveredWithWhereItsAudioIs() throws Exception {
        register(List.of("CALL_RECORDED"));
        long campaign = new CampaignFixtures(business).create("Recorded", "MANUAL");
        String callId = TestRecordings.answeredCall(db, business.id(), campaign, OffsetDateTime.now());

        TestRecordings.keep(recordings, callId, new byte[] {'R', 'I', 'F', 'F', 0, 0}, Duration.ofSeconds(42));

        awaitReceived(1);
        assertThat(received.getFirst().event()).isEqualTo("call.recorded");
        JsonNode data = JsonMapper.builder().build().readTree(received.getFirst().body()).get("data");
        assertThat(data.get("callId").asString()).isEqualTo(callId);
        assertThat(data.get("campaignId").asLong()).isEqualTo(campaign);
        assertThat(data.get("lengthMillis").asLong()).isEqualTo(42_000);
        assertThat(data.get("sizeBytes").asLong()).isEqualTo(6);
        assertThat(data.get("path").asString()).isEqualTo("/api/v1/calls/" + callId + "/recording");
        assertThat(business.admin().get(data.get("path").asString()).status()).isEqualTo(200);
    }

    @Test
    void aCallsMeasuredLineIsDeliveredOnceKeptEachSideAsItsActivityAnswersIt() throws Exception {
        register(List.of("CALL_QUALITY_MEASURED"));
        long campaign = new CampaignFixtures(business).create("Measured", "MANUAL");
        String callId = TestRecordings.answeredCall(db, business.id(), campaign, OffsetDateTime.now());
        CallActivity.Audio customer = new CallActivity.Audio(1500, 30, 4.5, 18.0, 62.5, 4.1);

        assertThat(activities.keepQuality(callId, new CallActivity.Quality(customer, null))).isTrue();

        awaitReceived(1);
        assertThat(received.getFirst().event()).isEqualTo("call.quality_measured");
        JsonNode data = JsonMapper.builder().build().readTree(received.getFirst().body()).get("data");
        assertThat(data.get("callId").asString()).isEqualTo(callId);
        assertThat(data.get("campaignId").asLong()).isEqualTo(campaign);
        assertThat(data.has("queueId")).isFalse();
        assertThat(data.get("customer").get("packetsExpected").asLong()).isEqualTo(1500);
        assertThat(data.get("customer").get("packetsLost").asLong()).isEqualTo(30);
        assertThat(data.get("customer").get("maxJitterMillis").asDouble()).isEqualTo(18.0);
        assertThat(data.get("customer").get("roundTripMillis").asDouble()).isEqualTo(62.5);
        assertThat(data.get("customer").get("meanOpinionScore").asDouble()).isEqualTo(4.1);
        assertThat(data.get("agent").isNull()).as("no phone was bridged").isTrue();
        assertThat(data.get("customer")).as("the same as the call's activity answers")
                .isEqualTo(business.admin().get("/api/v1/calls/" + callId + "/activity").expect(200).json()
                        .get("quality").get("customer"));

        long queue = business.admin().post("/api/v1/queues", Map.of("name", "Measured", "callbackKey", "1",
                "minSecondsBeforeCallback", 0, "maxWaitSeconds", 60)).expect(201).id();
        String queueCall = TestRecordings.takenQueueCall(db, business.id(), queue, "+84912600011",
                business.agent("measured").id(), OffsetDateTime.now());
        activities.keepQuality(queueCall, new CallActivity.Quality(customer, new CallActivity.Audio(100, 0, 1, 2, null, 4.4)));
        awaitReceived(2);
        JsonNode queued = JsonMapper.builder().build().readTree(received.get(1).body()).get("data");
        assertThat(queued.get("queueId").asLong()).isEqualTo(queue);
        assertThat(queued.has("campaignId")).isFalse();
        assertThat(queued.get("agent").get("meanOpinionScore").asDouble()).isEqualTo(4.4);
        assertThat(queued.get("agent").get("roundTripMillis").isNull()).as("no RTCP from that phone").isTrue();
        assertThat(activities.keepQuality("no-such-call", new CallActivity.Quality(customer, null))).isFalse();
    }

    @Test
    void aQueueCallsKeptRecordingIsDeliveredWithItsQueue() throws Exception {
        register(List.of("CALL_RECORDED"));
        long queue = business.admin().post("/api/v1/queues", Map.of("name", "Recorded", "callbackKey", "1",
                "minSecondsBeforeCallback", 0, "maxWaitSeconds", 60, "recordCalls", true)).expect(201).id();
        String callId = TestRecordings.takenQueueCall(db, business.id(), queue, "+84912600010",
                business.agent("taker").id(), OffsetDateTime.now());

        TestRecordings.keep(recordings, callId, new byte[] {'R', 'I', 'F', 'F'}, Duration.ofSeconds(7));

        awaitReceived(1);
        JsonNode data = JsonMapper.builder().build().readTree(received.getFirst().body()).get("data");
        assertThat(data.get("callId").asString()).isEqualTo(callId);
        assertThat(data.get("queueId").asLong()).isEqualTo(queue);
        assertThat(data.has("campaignId")).isFalse();
        assertThat(business.admin().get(data.get("path").asString()).status()).isEqualTo(200);
    }

    private JsonNode register(List<String> events) {
        String url = "http://localhost:" + receiver.getAddress().getPort() + "/hook";
        return business.admin().post("/api/v1/webhooks", Map.of("url", url, "events", events)).expect(201).json();
    }

    private void awaitReceived(int count) {
        Await.until(() -> received.size() >= count, count + " deliveries received");
    }

    private static String sign(String secret, String text) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
