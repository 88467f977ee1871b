package dev.outdial.engine.pacing;

import dev.outdial.engine.call.AgentFirst;
import dev.outdial.engine.call.CallOrchestrator;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.port.AgentScreen;
import dev.outdial.engine.port.AgentUpdate;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.rules.QueuedCustomer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Auto callback: the agent's phone rings before their customer is dialed. The customer is the
 * agent's while it rings and is dialed once they answer; an agent who does not answer, or leaves,
 * takes no customer, and it goes back.
 */
final class AgentFirstRings {

    private final long campaignId;
    private final CallOrchestrator calls;
    private final AgentDesk desk;
    private final AgentScreen screen;
    private final HeldCustomerDials dials;
    /** Agents whose phone rings now, and the leg that rings. */
    private final Map<AgentId, CallId> ringing = new HashMap<>();

    AgentFirstRings(long campaignId, CallOrchestrator calls, AgentDesk desk, AgentScreen screen, HeldCustomerDials dials) {
        this.campaignId = campaignId;
        this.calls = calls;
        this.desk = desk;
        this.screen = screen;
        this.dials = dials;
    }

    void ring(AgentId agent, QueuedCustomer customer, Instant now, AgentFirst first) {
        long customerId = customer.customerId();
        desk.hold(agent, campaignId, customerId);
        screen.show(agent, new AgentUpdate.CustomerOffered(campaignId, customerId, customer.phoneNumber(),
                Optional.empty()));
        CallId leg = calls.ringAgentFirst(customerId, agent, first.answerTimeout(), now,
                () -> ringing.remove(agent), reason -> {
                    ringing.remove(agent);
                    dials.freeAgent(agent, customerId, reason);
                });
        ringing.put(agent, leg);
    }

    /** The agent left the campaign: their ringing phone is hung up and the customer goes back. */
    void agentLeft(AgentId agent) {
        if (ringing.containsKey(agent)) {
            calls.hangUp(ringing.remove(agent));
        }
    }
}
