package dev.outdial.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A ticket's call and queue are checked like its campaign: another business's call or queue, or
 * a made-up one, is refused with a 400 naming the field; the business's own are accepted.
 */
@OutdialIntegrationTest
@ShortSimulatedCalls
class TicketReferencesTest {

    @Autowired
    Api api;

    @Test
    void aTicketNamesOnlyTheBusinesssOwnCallsAndQueues() {
        DialingScenario manual = DialingScenario.running(api.newBusiness("CallOwner"), "MANUAL", Map.of());
        TestBusiness.Person agent = manual.fixtures.agent;
        manual.ready(agent);
        long customer = manual.add("+84912520001").getFirst();
        String call = manual.getAndDial(agent, customer);
        manual.waitForCallEnd(agent.client(), call);
        long queue = manual.business.admin().post("/api/v1/queues", queue()).expect(201).id();
        TestBusiness stranger = api.newBusiness("Stranger");

        assertRefused(stranger.admin().post("/api/v1/tickets", ticket("callId", call)), "callId");
        assertRefused(stranger.admin().post("/api/v1/tickets", ticket("callId", "made-up-call")), "callId");
        assertRefused(stranger.admin().post("/api/v1/tickets", ticket("queueId", queue)), "queueId");
        assertRefused(stranger.admin().post("/api/v1/tickets", ticket("queueId", 987_654_321L)), "queueId");

        assertThat(manual.business.admin().post("/api/v1/tickets", ticket("callId", call)).expect(201)
                .json().get("callId").asString()).isEqualTo(call);
        assertThat(manual.business.admin().post("/api/v1/tickets", ticket("queueId", queue)).expect(201)
                .json().get("queueId").asLong()).isEqualTo(queue);
    }

    private static Map<String, Object> ticket(String reference, Object value) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "CALLBACK");
        body.put("phone", "0912 345 678");
        body.put(reference, value);
        return body;
    }

    private static Map<String, Object> queue() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Support");
        body.put("callbackKey", "#");
        body.put("minSecondsBeforeCallback", 20);
        body.put("maxWaitSeconds", 60);
        body.put("ticketsForMissedCalls", true);
        return body;
    }

    private static void assertRefused(Api.Response response, String field) {
        response.expect(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly(field);
    }
}
