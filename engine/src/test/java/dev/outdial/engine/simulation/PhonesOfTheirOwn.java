package dev.outdial.engine.simulation;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.port.CallEvent;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.Telephony;
import java.time.Duration;
import java.util.function.Consumer;

/** The simulated carrier as a SIP adapter looks to the engine: agents answer on phones of their own. */
final class PhonesOfTheirOwn implements Telephony {

    private final Telephony carrier;

    PhonesOfTheirOwn(Telephony carrier) {
        this.carrier = carrier;
    }

    @Override
    public boolean agentsHaveTheirOwnPhones() {
        return true;
    }

    @Override
    public void place(CallId call, String from, String to, Duration ringTimeout, Consumer<CallEvent> listener) {
        carrier.place(call, from, to, ringTimeout, listener);
    }

    @Override
    public CallId ringAgent(AgentId agent, Duration answerTimeout, Consumer<CallEvent> listener) {
        return carrier.ringAgent(agent, answerTimeout, listener);
    }

    @Override
    public void bridge(CallId customerLeg, CallId agentLeg) {
        carrier.bridge(customerLeg, agentLeg);
    }

    @Override
    public void play(CallId call, Prompt prompt) {
        carrier.play(call, prompt);
    }

    @Override
    public void collectDigits(CallId call, int maxDigits, Duration timeout) {
        carrier.collectDigits(call, maxDigits, timeout);
    }

    @Override
    public void hangUp(CallId call) {
        carrier.hangUp(call);
    }
}
