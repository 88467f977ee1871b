package dev.outdial.dialing.internal;

import dev.outdial.call.CallActivities;
import dev.outdial.call.CallActivity;
import dev.outdial.dialing.AgentWork;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.port.CallId;
import dev.outdial.sip.ListeningMode;
import dev.outdial.sip.PhoneActions;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Keeps with each call what its phones did (an agent's Hold button, which the engine is told too, the customer's
 * phone holding the call, a supervisor's keys, a listener's phone answering and hanging up), as the SIP side tells
 * it: timed when told, written in the order told on a thread of its own, so the SIP side's threads (one delivers every
 * call's events) never wait for the database.
 */
@Component
public class PhoneActionLog implements PhoneActions, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(PhoneActionLog.class);

    private final CallActivities activities;
    /** Looked up when first told: the telephony this log is handed to is among what the agents' work is built on. */
    private final ObjectProvider<AgentWork> work;
    private final AgentEventStream screens;
    private final Clock clock;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("phone-actions").factory());

    public PhoneActionLog(CallActivities activities, ObjectProvider<AgentWork> work, AgentEventStream screens,
                          Clock clock) {
        this.activities = activities;
        this.work = work;
        this.screens = screens;
        this.clock = clock;
    }

    /**
     * Kept with the call, and told to the engine and the agent's open Workspace (its hold buttons follow), where an
     * agent is on it.
     */
    @Override
    public void customerHeld(CallId customerLeg, boolean held) {
        Instant at = clock.instant();
        write(customerLeg, () -> activities.upWithAgent(customerLeg.value()).ifPresent(call -> {
            activities.logPhoneHold(call, held, at);
            if (work.getObject().phoneHolds(call, held)) {
                screens.callChanged(AgentId.of(String.valueOf(call.agentId())), call.id());
            }
        }));
    }

    /** Kept with the call, where an agent is on it: the agent hears silence meanwhile, and nobody made them wait. */
    @Override
    public void customersPhoneHolds(CallId customerLeg, boolean holds) {
        Instant at = clock.instant();
        write(customerLeg, () -> activities.upWithAgent(customerLeg.value())
                .ifPresent(call -> activities.logCustomersPhoneHold(call, holds, at)));
    }

    @Override
    public void listeningChanged(CallId call, AgentId supervisor, ListeningMode mode) {
        Instant at = clock.instant();
        write(call, () -> activities.logListening(call.value(), CallActivity.Kind.LISTENING_CHANGED,
                Long.parseLong(supervisor.value()), mode.name(), at));
    }

    @Override
    public void listeningEnded(CallId call, AgentId supervisor) {
        Instant at = clock.instant();
        write(call, () -> activities.logListening(call.value(), CallActivity.Kind.LISTENING_ENDED,
                Long.parseLong(supervisor.value()), null, at));
    }

    /** {@code userId}'s phone, listening in on the business's call {@code call}, answered ({@code mode}: how). */
    public void listeningStarted(long businessId, String call, long userId, ListeningMode mode) {
        Instant at = clock.instant();
        write(new CallId(call), () -> activities.log(businessId, call, CallActivity.Kind.LISTENING_STARTED, userId,
                mode.name(), at));
    }

    private void write(CallId call, Runnable step) {
        writer.execute(() -> {
            try {
                step.run();
            } catch (RuntimeException notKept) {
                LOG.warn("What a phone did on call {} is not kept with it", call.value(), notKept);
            }
        });
    }

    @Override
    public void destroy() {
        writer.shutdown();
    }
}
