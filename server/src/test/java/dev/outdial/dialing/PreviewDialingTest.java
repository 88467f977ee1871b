package dev.outdial.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Preview campaigns: "the system hands an available agent the next customer and shows it for the preview time, then dials". */
@OutdialIntegrationTest
@ShortSimulatedCalls
class PreviewDialingTest {

    @Autowired
    Api api;

    @Test
    void aPreviewCampaignDialsByItselfAfterThePreviewTime() {
        DialingScenario preview = DialingScenario.running(api.newBusiness("Preview"), "PREVIEW",
                Map.of("previewSeconds", 1, "wrapUpSeconds", 0, "maxCallsPerCustomer", 1));
        TestBusiness.Person agent = preview.fixtures.agent;
        long customer = preview.add("+84916010002").getFirst();

        preview.ready(agent);

        JsonNode call = DialingScenario.waitFor(preview::calls, calls -> !calls.isEmpty(), "the preview to be dialed")
                .getFirst();
        assertThat(call.get("customerId").asLong()).isEqualTo(customer);
        assertThat(call.get("agentId").asLong()).isEqualTo(agent.id());
        Instant shown = Instant.parse(call.get("queuedAt").asString());
        assertThat(Instant.parse(call.get("dialingAt").asString())).as("dialed once the preview time is over")
                .isAfterOrEqualTo(shown.plus(Duration.ofSeconds(1)));
        preview.waitForStatus(customer, "MAX_ATTEMPTS");
    }
}
