package dev.outdial.sip;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.port.CallId;

/**
 * What the phones on calls do that Outdial did not ask for, told as it happens so the calls keep it: an agent's phone
 * put its customer on hold with its own Hold button, or took them off; the customer's own phone held the call; a
 * supervisor's keys changed how they listen in, and their phone's hanging up ended it. Told on the SIP side's threads,
 * some of them under a call's lock: an implementation hands the work on and returns at once.
 */
public interface PhoneActions {

    /** Told to nobody. */
    PhoneActions NONE = new PhoneActions() {
        @Override
        public void customerHeld(CallId customerLeg, boolean held) {
        }

        @Override
        public void customersPhoneHolds(CallId customerLeg, boolean holds) {
        }

        @Override
        public void listeningChanged(CallId call, AgentId supervisor, ListeningMode mode) {
        }

        @Override
        public void listeningEnded(CallId call, AgentId supervisor) {
        }
    };

    /** The phone bridged to {@code customerLeg} (its agent's) put the customer on hold ({@code true}) or took them off. */
    void customerHeld(CallId customerLeg, boolean held);

    /**
     * The customer's own phone, on {@code customerLeg} bridged to an agent, held the call ({@code true}: its re-INVITE
     * said {@code sendonly} or {@code inactive}) or took it off hold: the agent hears silence meanwhile.
     */
    void customersPhoneHolds(CallId customerLeg, boolean holds);

    /** {@code supervisor}, listening in on {@code call}, pressed a key that changed who hears them to {@code mode}. */
    void listeningChanged(CallId call, AgentId supervisor, ListeningMode mode);

    /** {@code supervisor}'s phone, listening in on {@code call} (the one they moved to last), hung up or was hung up. */
    void listeningEnded(CallId call, AgentId supervisor);
}
