package dev.outdial.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.Exports;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.PageSessions;
import dev.outdial.testing.TestBusiness;
import dev.outdial.testing.WebhookOutbox;
import dev.outdial.testing.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an agent does on a call while it is up is kept with the call: its holds, with the hold time summed to the call's
 * end where a hold was never taken off, and its recording's pauses; read by the call's agent and the business's
 * admins, nobody else, and its hold time goes with the call.ended webhook. (The simulated customer answers at once and talks until the agent hangs up.)
 */
@OutdialIntegrationTest
@AutoConfigureMockMvc
@ShortSimulatedCalls
@CarrierRules("talk-time=60s")
class CallActivityLogTest {

    @Autowired
    Api api;

    @Autowired
    MockMvc mvc;

    @RegisterExtension
    final WebhookReceiver receiver = WebhookReceiver.onLoopback();

    @Test
    void holdsAndRecordingPausesAreKeptWithTheCallAndAHoldLeftOnEndsWithIt() throws Exception {
        TestBusiness business = api.newBusiness("Activity");
        long webhook = business.admin().post("/api/v1/webhooks", Map.of("url", receiver.url("localhost", "/calls"),
                "events", List.of("CALL_ENDED"))).expect(201).id();
        DialingScenario manual = DialingScenario.running(business, "MANUAL", Map.of("recordCalls", true));
        TestBusiness.Person agent = manual.fixtures.agent;
        manual.ready(agent);
        long customer = manual.add("+84912560003").getFirst();
        Api.Client me = agent.client();
        me.post("/api/v1/me/campaigns/" + manual.campaignId + "/next").expect(200);
        String call = me.post("/api/v1/me/customers/" + customer + "/dial").expect(201).json().get("id").asString();
        DialingScenario.waitFor(() -> me.get("/api/v1/calls/" + call).expect(200).json(),
                up -> up.hasNonNull("connectedAt"), "the customer to be put through");
        String activity = "/api/v1/calls/" + call + "/activity";
        assertThat(me.get(activity).expect(200).json().get("steps")).isEmpty();

        for (String step : List.of("recording/pause", "recording/resume", "hold", "unhold", "hold")) {
            me.post("/api/v1/calls/" + call + "/" + step).expect(204);
        }
        String name = manual.business.admin().get("/api/v1/users/" + agent.id()).expect(200).json().get("name")
                .asString();
        JsonNode during = me.get(activity).expect(200).json();
        assertThat(during.get("steps").valueStream().map(step -> step.get("kind").asString()))
                .containsExactly("RECORDING_PAUSED", "RECORDING_RESUMED", "HOLD", "UNHOLD", "HOLD");
        assertThat(during.get("steps").valueStream().map(step -> step.get("userName").asString()))
                .containsOnly(name);
        assertThat(during.get("holds").asInt()).isEqualTo(2);

        me.post("/api/v1/calls/" + call + "/hangup").expect(204);
        Instant ended = Instant.parse(manual.waitForCallEnd(me, call).get("endedAt").asString());
        JsonNode after = manual.business.admin().get(activity).expect(200).json();
        List<Instant> at = after.get("steps").valueStream().map(step -> Instant.parse(step.get("at").asString()))
                .toList();
        Duration held = Duration.between(at.get(2), at.get(3)).plus(Duration.between(at.get(4), ended));
        assertThat(after.get("heldMillis").asLong()).as("the second hold ends with the call")
                .isEqualTo(held.toMillis());
        assertThat(after.get("callId").asString()).isEqualTo(call);

        assertThat(manual.fixtures.secondAgent.client().get(activity).status()).as("another agent").isEqualTo(404);
        assertThat(api.newBusiness("ActivityOther").admin().get(activity).status()).isEqualTo(404);
        assertThat(me.get("/api/v1/calls/no-such-call/activity").status()).isEqualTo(404);

        String history = PageSessions.html(mvc, "/campaigns/" + manual.campaignId + "/calls?number=0912560003",
                PageSessions.signIn(mvc, "admin@" + manual.business.domain(), "admin-password"));
        List<List<String>> export = Exports.csv(manual.business.admin()
                .download("/api/v1/campaigns/" + manual.campaignId + "/calls/export?format=csv").body());
        assertThat(export.get(1).get(export.getFirst().indexOf("On hold (s)")))
                .isEqualTo(String.valueOf(held.toSeconds()));
        WebhookOutbox.awaitAllDelivered(business, webhook, 1);
        JsonNode delivered = JsonMapper.builder().build().readTree(receiver.bodies().getFirst()).get("data");
        assertThat(delivered.get("holdSeconds").asLong()).as("call.ended's hold time").isEqualTo(held.toSeconds());
        assertThat(history).contains("On hold " + clock(held) + " (2 times)", "Recording paused", "Taken off hold",
                name);
        String opened = PageSessions.html(mvc, "/calls/" + call + "/activity",
                PageSessions.signIn(mvc, "admin@" + manual.business.domain(), "admin-password"));
        assertThat(opened).contains("On hold " + clock(held) + " (2 times)", "Recording resumed");
    }

    /** A length as the pages write it: minutes and seconds. */
    private static String clock(Duration length) {
        return "%d:%02d".formatted(length.toMinutes(), length.toSecondsPart());
    }
}
