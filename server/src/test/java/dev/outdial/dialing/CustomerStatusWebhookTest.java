package dev.outdial.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import dev.outdial.testing.WebhookOutbox;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 8: every change of a campaign customer's status reaches the webhooks that asked for
 * {@code customer.status_changed} once, signed, and again after the receiver first answered 500;
 * adding customers is not a change and sends nothing.
 */
@OutdialIntegrationTest
@ShortSimulatedCalls
class CustomerStatusWebhookTest {

    @Autowired
    Api api;

    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresToGive = new AtomicInteger();
    final AtomicInteger answered500 = new AtomicInteger();

    record Received(String delivery, String timestamp, String signature, String body) {

        JsonNode data() {
            return JsonMapper.builder().build().readTree(body).get("data");
        }

        String change() {
            return data().get("from").asString() + "->" + data().get("to").asString();
        }
    }

    @BeforeEach
    void aReceiverOnLocalhost() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/customers", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            boolean fail = failuresToGive.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
            if (fail) {
                answered500.incrementAndGet();
            } else {
                received.add(new Received(headers.getFirst("X-Outdial-Delivery"), headers.getFirst("X-Outdial-Timestamp"),
                        headers.getFirst("X-Outdial-Signature"), body));
            }
            exchange.sendResponseHeaders(fail ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void pausingAndStartingACustomerIsDeliveredOncePerChangeSignedAndRetriedAfterA500() throws Exception {
        // given a business whose webhook wants customer status changes, and a receiver that fails once
        TestBusiness business = api.newBusiness("customer-hooks");
        JsonNode webhook = register(business, List.of("CUSTOMER_STATUS_CHANGED"));
        String secret = webhook.get("secret").asString();
        DialingScenario manual = DialingScenario.running(business, "MANUAL", Map.of());
        long customer = manual.add("+84912470001").getFirst();
        failuresToGive.set(1);

        // when an admin pauses the customer, then starts it again
        business.admin().post("/api/v1/campaigns/" + manual.campaignId + "/customers/" + customer + "/pause").expect(200);
        business.admin().post("/api/v1/campaigns/" + manual.campaignId + "/customers/" + customer + "/start").expect(200);

        // then each change arrives once, the first after its 500, in order, signed, with the customer's details
        WebhookOutbox.awaitAllDelivered(business, webhook.get("id").asLong(), 2);
        assertThat(answered500).hasValue(1);
        assertThat(received).extracting(Received::change).containsExactlyInAnyOrder("NEW->PAUSED", "PAUSED->NEW");
        assertThat(received).extracting(Received::delivery).doesNotHaveDuplicates();
        for (Received delivery : received) {
            assertThat(delivery.signature()).isEqualTo(sign(secret, delivery.timestamp() + "." + delivery.body()));
            JsonNode data = delivery.data();
            assertThat(data.get("campaignId").asLong()).isEqualTo(manual.campaignId);
            assertThat(data.get("customerId").asLong()).isEqualTo(customer);
            assertThat(data.get("phone").asString()).isEqualTo("+84912470001");
            assertThat(data.get("attempts").asInt()).isZero();
            assertThat(data.get("at").asString()).isNotBlank();
        }
    }

    @Test
    void aCallMovesTheCustomerThroughItsStatusesEachDeliveredOnce() {
        // given a webhook for customer status changes and a manual campaign with one answering customer
        TestBusiness business = api.newBusiness("customer-call-hooks");
        long webhook = register(business, List.of("CUSTOMER_STATUS_CHANGED")).get("id").asLong();
        DialingScenario manual = DialingScenario.running(business, "MANUAL", Map.of());
        TestBusiness.Person agent = manual.fixtures.agent;
        manual.ready(agent);
        long customer = manual.add("+84912470003").getFirst();

        // when the agent gets the customer, calls, and marks the reached call done
        String callId = manual.getAndDial(agent, customer);
        manual.waitForCallEnd(agent.client(), callId);
        manual.dispose(agent, callId, "DONE", Map.of());
        manual.waitForStatus(customer, "SUCCESS");

        // then the receiver saw NEW -> IN_PROGRESS -> SUCCESS, once each, and nothing for the add
        WebhookOutbox.awaitAllDelivered(business, webhook, 2);
        assertThat(received).extracting(Received::change).containsExactlyInAnyOrder("NEW->IN_PROGRESS", "IN_PROGRESS->SUCCESS");
        JsonNode done = received.stream().filter(delivery -> delivery.change().endsWith("SUCCESS")).findFirst()
                .orElseThrow().data();
        assertThat(done.get("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void aBusinessWithoutSuchAWebhookGetsNoDeliveriesForItsCustomers() {
        // given a webhook that wants only campaign status changes
        TestBusiness business = api.newBusiness("customer-quiet-hooks");
        long webhook = register(business, List.of("CAMPAIGN_STATUS_CHANGED")).get("id").asLong();
        DialingScenario manual = DialingScenario.running(business, "MANUAL", Map.of());
        int campaignDeliveries = WebhookOutbox.deliveries(business, webhook).size();

        // when customers are added and one is paused
        List<Long> customers = manual.add("+84912470011", "+84912470012", "+84912470013");
        business.admin().post("/api/v1/campaigns/" + manual.campaignId + "/customers/" + customers.getFirst() + "/pause")
                .expect(200);

        // then no delivery was queued for them (it would have been, with the changes, before their requests answered)
        assertThat(WebhookOutbox.deliveries(business, webhook)).hasSize(campaignDeliveries);
        assertThat(received).noneMatch(delivery -> delivery.body().contains("customer.status_changed"));
    }

    private JsonNode register(TestBusiness business, List<String> events) {
        String url = "http://localhost:" + receiver.getAddress().getPort() + "/customers";
        return business.admin().post("/api/v1/webhooks", Map.of("url", url, "events", events)).expect(201).json();
    }

    private static String sign(String secret, String text) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
