package dev.outdial.dialing.internal;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.sim.AgentPhone;
import dev.outdial.engine.sim.SimulatedCarrier;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Agents' phones on the simulated carrier: "agent legs are answered from the agent's page or API".
 * In sip mode an agent's leg rings their own phone instead: nothing rings here, and an answer from
 * the page is refused ({@link #answersOnThePage()}).
 * When the engine rings an agent (progressive), the ring is pushed to the agent's event stream and
 * the leg waits here until the agent answers it; unanswered, it times out as AGENT_TIMEOUT, and
 * the page is told it stopped ringing, so an answer then is refused instead of answering nothing.
 * Used on the engine's lanes, each agent on their business's, like the carrier itself.
 */
@Component
public class AgentPhones {

    private final Optional<SimulatedCarrier> simulated;
    private final AgentEventStream events;
    private final Map<AgentId, CallId> ringing = new ConcurrentHashMap<>();
    private final Map<AgentId, CallId> onTheLine = new ConcurrentHashMap<>();

    AgentPhones(LiveTelephony telephony, AgentEventStream events) {
        this.simulated = telephony.simulatedCarrier();
        this.events = events;
    }

    /** The agent's phone is on the line from now on (idempotent). */
    public void plugIn(AgentId agent) {
        simulated.ifPresent(carrier -> carrier.connectPhone(agent, new AgentPhone() {
            @Override
            public void ringing(CallId leg) {
                ringing.put(agent, leg);
                events.ringing(agent, leg.value());
            }

            @Override
            public void stoppedRinging(CallId leg) {
                if (ringing.remove(agent, leg)) {
                    events.ringingStopped(agent, leg.value());
                }
            }
        }));
    }

    /** Whether agents answer their legs from the page (sim mode) rather than on their own phone (sip mode). */
    public boolean answersOnThePage() {
        return simulated.isPresent();
    }

    /** Whether a leg rings for the agent now: it is gone once it timed out or its call ended. */
    public boolean isRinging(AgentId agent) {
        return Optional.ofNullable(ringing.get(agent)).filter(this::stillRings).isPresent();
    }

    /** Picks up the leg ringing for the agent, if one still rings. */
    public Optional<CallId> answer(AgentId agent) {
        Optional<CallId> leg = Optional.ofNullable(ringing.remove(agent)).filter(this::stillRings);
        leg.ifPresent(answered -> {
            simulated.orElseThrow().answer(answered);
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
        leg.ifPresent(ended -> simulated.orElseThrow().hangUpByCalledParty(ended));
        return leg.isPresent();
    }

    private boolean stillRings(CallId leg) {
        return simulated.filter(carrier -> carrier.isRinging(leg)).isPresent();
    }
}
