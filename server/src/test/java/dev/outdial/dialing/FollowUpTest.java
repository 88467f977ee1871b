package dev.outdial.dialing;

import static dev.outdial.dialing.DialingScenario.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.AdjustableClock;
import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What an agent decides for a reached customer's future: a callback appointment, or do not call back (SPEC §4.3). */
@OutdialIntegrationTest
@ShortSimulatedCalls
class FollowUpTest {

    @Autowired
    Api api;

    @Autowired
    AdjustableClock clock;

    @AfterEach
    void backToTheWallClock() {
        clock.reset();
    }

    @Test
    void aCallbackComesBackToTheAgentWhoSetItAtItsTime() {
        DialingScenario manual = DialingScenario.running(api.newBusiness("Callback"), "MANUAL", Map.of());
        TestBusiness.Person owner = manual.fixtures.agent;
        TestBusiness.Person colleague = manual.fixtures.secondAgent;
        long customer = manual.add("+84917010003").getFirst();
        manual.ready(owner);
        manual.ready(colleague);
        String call = manual.getAndDial(owner, customer);
        manual.waitForCallEnd(owner.client(), call);

        // Seconds ahead, time enough for the checks before it; the clock is then moved on to it.
        // (Not further: agents' presence and the pacer's lease would lapse.)
        Instant appointment = clock.instant().plusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
        manual.dispose(owner, call, "CALLBACK", Map.of("callbackAt", appointment.toString()));

        assertThat(manual.customer(customer).get("status").asString()).isEqualTo("CALLBACK");
        assertThat(Instant.parse(manual.customer(customer).get("nextAttemptAt").asString())).isEqualTo(appointment);
        assertProblem(owner.client().post("/api/v1/me/campaigns/" + manual.campaignId + "/next"), 409,
                "NOTHING_ELIGIBLE");

        clock.advance(Duration.between(clock.instant(), appointment).plusMillis(100));
        // "Distributed to that agent first": the owner is in the campaign, so nobody else gets it.
        assertProblem(colleague.client().post("/api/v1/me/campaigns/" + manual.campaignId + "/next"), 409,
                "NOTHING_ELIGIBLE");
        String callback = manual.getAndDial(owner, customer);
        manual.waitForCallEnd(owner.client(), callback);
        assertThat(manual.callsOf(customer)).hasSize(2)
                .allSatisfy(each -> assertThat(each.get("agentId").asLong()).isEqualTo(owner.id()));
    }

    @Test
    void doNotCallBackIsNotOfferedAgainWithinItsPeriod() {
        DialingScenario manual = DialingScenario.running(api.newBusiness("DoNotCallBack"), "MANUAL",
                Map.of("noCallbackDays", 14));
        TestBusiness.Person agent = manual.fixtures.agent;
        List<Long> customers = manual.add("+84917020003", "+84917030003");
        manual.ready(agent);
        String first = manual.getAndDial(agent, customers.get(0));
        manual.waitForCallEnd(agent.client(), first);

        manual.dispose(agent, first, "DO_NOT_CALL_BACK", Map.of());

        String second = manual.getAndDial(agent, customers.get(1));
        manual.waitForCallEnd(agent.client(), second);
        manual.dispose(agent, second, "DONE", Map.of());
        assertProblem(agent.client().post("/api/v1/me/campaigns/" + manual.campaignId + "/next"), 409,
                "NOTHING_ELIGIBLE");
        var suppressed = manual.customer(customers.get(0));
        assertThat(suppressed.get("status").asString()).isEqualTo("DO_NOT_CALL_BACK");
        assertThat(Instant.parse(suppressed.get("nextAttemptAt").asString()))
                .isAfter(Instant.now().plus(Duration.ofDays(13)));
        assertThat(manual.callsOf(customers.get(0))).hasSize(1);
    }
}
