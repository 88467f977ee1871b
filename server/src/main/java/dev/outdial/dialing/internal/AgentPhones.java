package dev.outdial.dialing.internal;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.sim.SimulatedCarrier;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Agents' phones on the simulated carrier: "agent legs are answered from the agent's page or API".
 * When the engine rings an agent (progressive), the ring is pushed to the agent's event stream and
 * the leg waits here until the agent answers it; unanswered, it times out as AGENT_TIMEOUT.
 * Used on the engine thread only, like the carrier itself.
 */
@Component
public class AgentPhones {

    private final SimulatedCarrier carrier;
    private final AgentEventStream events;
    private final Map<AgentId, CallId> ringing = new HashMap<>();
    private final Map<AgentId, CallId> onTheLine = new HashMap<>();

    AgentPhones(SimulatedCarrier carrier, AgentEventStream events) {
        this.carrier = carrier;
        this.events = events;
    }

    /** The agent's phone is on the line from now on (idempotent). */
    public void plugIn(AgentId agent) {
        carrier.connectPhone(agent, leg -> {
            ringing.put(agent, leg);
            events.ringing(agent, leg.value());
        });
    }

    /** Picks up the leg ringing for the agent, if any. */
    public Optional<CallId> answer(AgentId agent) {
        Optional<CallId> leg = Optional.ofNullable(ringing.remove(agent));
        leg.ifPresent(answered -> {
            carrier.answer(answered);
            onTheLine.put(agent, answered);
        });
        return leg;
    }

    /**
     * The agent hangs up the leg they last answered (a queue call, or an auto callback before the
     * customer answers); hanging up a leg that has ended is harmless. Whether there was one.
     */
    public boolean hangUp(AgentId agent) {
        Optional<CallId> leg = Optional.ofNullable(onTheLine.remove(agent));
        leg.ifPresent(carrier::hangUpByCalledParty);
        return leg.isPresent();
    }
}
