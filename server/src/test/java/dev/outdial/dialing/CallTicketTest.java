package dev.outdial.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** "Ticket per call: when on, each call creates a ticket like a regular outgoing call" (SPEC §5). */
@OutdialIntegrationTest
@ShortSimulatedCalls
class CallTicketTest {

    @Autowired
    Api api;

    @Test
    void everyCallOfACampaignWithTicketPerCallOpensACallTicketNamingTheCustomerNumberCampaignAndCall() {
        DialingScenario manual = DialingScenario.running(api.newBusiness("Tickets"), "MANUAL",
                Map.of("ticketPerCall", true, "maxCallsPerCustomer", 2));
        TestBusiness.Person agent = manual.fixtures.agent;
        manual.ready(agent);
        long reached = manual.add("+84912510003").getFirst();
        String reachedCall = manual.getAndDial(agent, reached);
        manual.waitForCallEnd(agent.client(), reachedCall);
        manual.dispose(agent, reachedCall, "DONE", Map.of());
        long busy = manual.add("+84912520001").get(0);
        String busyCall = manual.getAndDial(agent, busy);
        manual.waitForCallEnd(agent.client(), busyCall);

        List<JsonNode> tickets = DialingScenario.waitFor(() -> ticketsOf(manual.business), found -> found.size() == 2,
                "a ticket for each of the two calls");

        JsonNode forReached = tickets.stream().filter(t -> t.get("callId").asString().equals(reachedCall)).findFirst()
                .orElseThrow();
        assertThat(forReached.get("channel").asString()).isEqualTo("CALL");
        assertThat(forReached.get("customerName").asString()).isEqualTo("Customer +84912510003");
        assertThat(forReached.get("phone").asString()).isEqualTo("+84912510003");
        assertThat(forReached.get("campaignId").asLong()).isEqualTo(manual.campaignId);
        assertThat(tickets).extracting(t -> t.get("callId").asString()).containsExactlyInAnyOrder(reachedCall, busyCall);
    }

    @Test
    void aCampaignWithoutTicketPerCallOpensNoTicket() {
        DialingScenario manual = DialingScenario.running(api.newBusiness("NoTickets"), "MANUAL", Map.of("ticketPerCall", false));
        TestBusiness.Person agent = manual.fixtures.agent;
        manual.ready(agent);
        long busy = manual.add("+84912530001").getFirst();
        manual.waitForCallEnd(agent.client(), manual.getAndDial(agent, busy));
        // A call's ticket is opened on the engine's thread as the call is saved: done by now.
        manual.engineCaughtUp();

        assertThat(ticketsOf(manual.business)).isEmpty();
    }

    private static List<JsonNode> ticketsOf(TestBusiness business) {
        List<JsonNode> tickets = new ArrayList<>();
        business.admin().get("/api/v1/tickets").expect(200).json().get("items").forEach(tickets::add);
        return tickets;
    }
}
