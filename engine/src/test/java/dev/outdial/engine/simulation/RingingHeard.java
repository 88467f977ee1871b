package dev.outdial.engine.simulation;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.port.CallEvent;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.ForwardingTelephony;
import dev.outdial.engine.port.Telephony;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A carrier that keeps, in order, which agents were asked to hear which calls ring and which agents were rung. */
final class RingingHeard extends ForwardingTelephony {

    final List<String> told = new CopyOnWriteArrayList<>();

    RingingHeard(Telephony carrier) {
        super(carrier);
    }

    @Override
    public void agentHearsRinging(CallId call, AgentId agent) {
        told.add(agent.value() + " hears " + call.value() + " ring");
        super.agentHearsRinging(call, agent);
    }

    @Override
    public CallId ringAgent(AgentId agent, Duration answerTimeout, Consumer<CallEvent> listener) {
        told.add(agent.value() + "'s phone rung");
        return super.ringAgent(agent, answerTimeout, listener);
    }
}
