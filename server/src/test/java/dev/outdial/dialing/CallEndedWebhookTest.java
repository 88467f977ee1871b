package dev.outdial.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import dev.outdial.testing.WebhookOutbox;
import dev.outdial.testing.WebhookReceiver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Issue 8: an ended call reaches the business's webhook once, whatever the engine saves after the end. */
@OutdialIntegrationTest
@ShortSimulatedCalls
class CallEndedWebhookTest {

    @Autowired
    Api api;

    @RegisterExtension
    final WebhookReceiver receiver = WebhookReceiver.onLoopback();

    @Test
    void anEndedAndDispositionedCallIsDeliveredOnce() {
        TestBusiness business = api.newBusiness("call-hooks");
        long webhook = business.admin().post("/api/v1/webhooks", Map.of("url", receiver.url("localhost", "/calls"),
                "events", List.of("CALL_ENDED"))).expect(201).id();
        DialingScenario manual = DialingScenario.running(business, "MANUAL", Map.of());
        TestBusiness.Person agent = manual.fixtures.agent;
        manual.ready(agent);
        business.admin().post("/api/v1/campaigns/" + manual.campaignId + "/customers", Map.of("customers",
                List.of(Map.of("name", "Hooked", "phone", "+84912480003", "externalId", "crm-480003")))).expect(201);
        long customer = business.admin().get("/api/v1/campaigns/" + manual.campaignId + "/customers").expect(200)
                .json().get("items").get(0).get("id").asLong();

        String callId = manual.getAndDial(agent, customer);
        manual.waitForCallEnd(agent.client(), callId);
        manual.dispose(agent, callId, "DONE", Map.of());

        WebhookOutbox.awaitAllDelivered(business, webhook, 1);
        assertThat(receiver.bodies()).hasSize(1);
        JsonNode payload = JsonMapper.builder().build().readTree(receiver.bodies().getFirst());
        assertThat(payload.get("type").asString()).isEqualTo("call.ended");
        assertThat(payload.get("data").get("callId").asString()).isEqualTo(callId);
        assertThat(payload.get("data").get("result").asString()).isEqualTo("SUCCESS");
        assertThat(payload.get("data").get("howEnded").asString()).as("the simulated customer's talk ran out")
                .isEqualTo("CUSTOMER_HUNG_UP");
        JsonNode data = payload.get("data");
        assertThat(data.get("customerId").asLong()).isEqualTo(customer);
        assertThat(data.get("externalId").asString()).isEqualTo("crm-480003");
        assertThat(data.has("classification")).as("named even while the agent's word is to come").isTrue();
        // The simulated customer talks 1.5 s after a 50 ms ring.
        assertThat(data.get("talkSeconds").asLong()).isBetween(1L, 2L);
        assertThat(data.get("holdSeconds").asLong()).as("never held").isZero();
        assertThat(data.get("ringSeconds").asLong()).isGreaterThanOrEqualTo(0L);
    }
}
