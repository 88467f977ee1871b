package dev.outdial.engine.port;

import dev.outdial.engine.customer.AgentId;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A {@link Telephony} that hands every request to another: the base of one that stands in front of a carrier to
 * watch or change one thing (the simulator's audit of each dial), so that what it does not change still reaches the
 * carrier, the default methods included.
 */
public abstract class ForwardingTelephony implements Telephony {

    private final Telephony carrier;

    protected ForwardingTelephony(Telephony carrier) {
        this.carrier = Objects.requireNonNull(carrier, "carrier");
    }

    @Override
    public void place(CallId call, String from, String to, Duration ringTimeout, MachineDetection detection,
                      Consumer<CallEvent> listener) {
        carrier.place(call, from, to, ringTimeout, detection, listener);
    }

    @Override
    public CallId ringAgent(AgentId agent, Duration answerTimeout, Consumer<CallEvent> listener) {
        return carrier.ringAgent(agent, answerTimeout, listener);
    }

    @Override
    public boolean agentsHaveTheirOwnPhones() {
        return carrier.agentsHaveTheirOwnPhones();
    }

    @Override
    public void agentHearsRinging(CallId call, AgentId agent) {
        carrier.agentHearsRinging(call, agent);
    }

    @Override
    public void bridge(CallId customerLeg, CallId agentLeg) {
        carrier.bridge(customerLeg, agentLeg);
    }

    @Override
    public void holdMusic(CallId leg, Prompt music) {
        carrier.holdMusic(leg, music);
    }

    @Override
    public void hold(CallId call, boolean onHold) {
        carrier.hold(call, onHold);
    }

    @Override
    public void play(CallId call, Prompt prompt) {
        carrier.play(call, prompt);
    }

    @Override
    public void playLooped(CallId call, Prompt prompt) {
        carrier.playLooped(call, prompt);
    }

    @Override
    public void collectDigits(CallId call, int maxDigits, Duration timeout) {
        carrier.collectDigits(call, maxDigits, timeout);
    }

    @Override
    public void hangUp(CallId call) {
        carrier.hangUp(call);
    }

    @Override
    public void stopPlaying(CallId call) {
        carrier.stopPlaying(call);
    }

    @Override
    public void hangUpAfterPrompts(CallId call) {
        carrier.hangUpAfterPrompts(call);
    }

    @Override
    public void leaveMessage(CallId call, Prompt message) {
        carrier.leaveMessage(call, message);
    }

    @Override
    public void record(CallId call) {
        carrier.record(call);
    }

    @Override
    public void pauseRecording(CallId call, boolean paused) {
        carrier.pauseRecording(call, paused);
    }
}
