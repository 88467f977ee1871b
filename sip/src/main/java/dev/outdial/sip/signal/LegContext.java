package dev.outdial.sip.signal;

import java.util.concurrent.ScheduledExecutorService;

/** What every leg of one adapter shares: the SIP endpoint, the event thread, the timers, the prompts, the trunk's credentials. */
public interface LegContext {

    SipEndpoint endpoint();

    EventSink events();

    ScheduledExecutorService timers();

    PromptLibrary prompts();

    TrunkAuth trunkAuth();

    /** The address in our SDP. */
    default String publicAddress() {
        return endpoint().settings().publicAddress();
    }

    /** The leg ended: forget it. */
    void forget(Leg leg);
}
