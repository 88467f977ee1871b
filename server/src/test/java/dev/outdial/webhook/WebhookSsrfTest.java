package dev.outdial.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.Await;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import dev.outdial.testing.WebhookOutbox;
import dev.outdial.testing.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17 (SSRF): by default webhooks reach no internal address, neither at registration nor at
 * delivery, when the name a webhook was registered with leads somewhere internal by then.
 */
@OutdialIntegrationTest
@TestPropertySource(properties = "outdial.webhooks.allow-private-addresses=false")
class WebhookSsrfTest {

    @Autowired
    Api api;

    @Autowired
    JdbcClient db;

    @RegisterExtension
    final WebhookReceiver receiver = WebhookReceiver.onLoopback();

    TestBusiness business;

    @BeforeEach
    void aBusiness() {
        business = api.newBusiness("ssrf");
    }

    @Test
    void internalAddressesAreRefusedAtRegistrationNamingTheUrl() {
        for (String url : List.of("http://127.0.0.1:8080/hook", "http://localhost/hook", "http://[::1]/hook",
                "http://169.254.169.254/latest/meta-data", "https://10.0.0.7/hook", "http://[::ffff:192.168.1.1]/",
                "http://[fd00::1]/hook", "http://0.0.0.0/")) {
            Api.Response refused = business.admin().post("/api/v1/webhooks", Map.of("url", url,
                    "events", List.of("CALL_ENDED")));

            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.json().get("errors").findValuesAsString("field")).as(url).containsExactly("url");
        }
        assertThat(business.admin().post("/api/v1/webhooks", Map.of("url", "https://93.184.215.14/hook",
                "events", List.of("CALL_ENDED"))).status()).isEqualTo(201);
    }

    @Test
    void aHostThatLeadsInsideByDeliveryTimeGetsNothing() {
        long webhook = business.admin().post("/api/v1/webhooks", Map.of("url", "http://93.184.215.14/hook",
                "events", List.of("CAMPAIGN_STATUS_CHANGED"))).expect(201).id();
        // What DNS rebinding achieves: the registered host now leads to this machine.
        db.sql("update webhook set url = :url where id = :id")
                .param("url", receiver.url("127.0.0.1", "/hook")).param("id", webhook)
                .update();
        long campaign = new CampaignFixtures(business).create("Rebound", "MANUAL");

        business.admin().post("/api/v1/campaigns/" + campaign + "/approve").expect(200);

        JsonNode delivery = awaitAttempt(webhook);
        assertThat(delivery.get("status").asString()).isEqualTo("PENDING");
        assertThat(delivery.get("lastError").asString()).contains("127.0.0.1").contains("allow-private-addresses");
        assertThat(receiver.bodies()).isEmpty();
    }

    private JsonNode awaitAttempt(long webhook) {
        return Await.until(() -> WebhookOutbox.deliveries(business, webhook),
                items -> !items.isEmpty() && items.getFirst().get("attempts").asInt() > 0,
                "a delivery attempt of webhook " + webhook, Duration.ofSeconds(20)).getFirst();
    }
}
