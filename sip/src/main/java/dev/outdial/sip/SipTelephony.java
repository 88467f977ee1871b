package dev.outdial.sip;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.port.CallEvent;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.Telephony;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The Telephony port over SIP. SKELETON: the signalling branch builds it. Started with
 * {@link #start}, ended with {@link #close}; also the registrar ({@link #registrations()}) and the
 * agents' nailed-up lines ({@link #agentLines()}).
 */
public final class SipTelephony implements Telephony, AutoCloseable {

    public SipTelephony(SipSettings settings, PhoneBook phones, PromptSource prompts) {
    }

    /** Binds the SIP listening point and the RTP range; an exception names the setting that prevents it. */
    public void start() {
        throw new UnsupportedOperationException("not built yet");
    }

    public PhoneRegistrations registrations() {
        throw new UnsupportedOperationException("not built yet");
    }

    public AgentLines agentLines() {
        throw new UnsupportedOperationException("not built yet");
    }

    public TrunkStatus trunkStatus() {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public CallId place(String from, String to, Duration ringTimeout, Consumer<CallEvent> listener) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public CallId ringAgent(AgentId agent, Duration answerTimeout, Consumer<CallEvent> listener) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public void bridge(CallId customerLeg, CallId agentLeg) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public void play(CallId call, Prompt prompt) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public void collectDigits(CallId call, int maxDigits, Duration timeout) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public void hangUp(CallId call) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public void close() {
    }
}
