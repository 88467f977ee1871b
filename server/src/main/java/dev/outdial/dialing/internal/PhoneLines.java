package dev.outdial.dialing.internal;

import dev.outdial.agent.AgentPhoneAccounts;
import dev.outdial.agent.AgentPhoneChanged;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.shared.ConflictException;
import dev.outdial.sip.AgentLines;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Agents' own phones in sip mode (issue 12). An agent whose phone is not registered cannot go
 * Available. For progressive and predictive, an Available agent with such a campaign open has a
 * nailed-up leg to their phone, released when they leave, and is given no work while their phone
 * still rings for it; if the leg goes down (they hung up the phone, or never answered it) or the
 * phone unregisters, they are set Not available and their page is told why; so are they when their
 * phone does not take a call rung on it apart from the line (redirection on no answer). In sim mode
 * there is no registrar and none of this applies.
 *
 * <p>The registrar and the lines report on SIP threads: what they change is handed to the engine
 * thread without waiting for it.
 */
@Component
public class PhoneLines {

    /** Why an agent was set Not available, in the page's event and the workspace's messages. */
    public static final String LINE_DOWN = "PHONE_LINE_DOWN";
    public static final String LINE_NOT_ANSWERED = "PHONE_LINE_NOT_ANSWERED";
    public static final String LINE_REFUSED = "PHONE_LINE_REFUSED";
    public static final String CALL_NOT_ANSWERED = "PHONE_CALL_NOT_ANSWERED";
    public static final String CALL_REFUSED = "PHONE_CALL_REFUSED";
    public static final String NOT_REGISTERED = "PHONE_NOT_REGISTERED";

    private final Optional<SipAdapter> sip;
    private final AgentPhoneAccounts accounts;
    private final AgentSessions sessions;
    private final AgentEventStream events;
    private final EngineThread engine;
    private final ObjectProvider<LiveDialers> dialers;
    private final MeterRegistry registry;
    /** The business of each agent who set their state here: what the engine is told when the phone drops them. */
    private final Map<AgentId, Long> businessOf = new ConcurrentHashMap<>();
    /** The agents whose line is kept up: a DOWN then is the agent leaving, not Outdial releasing it. */
    private final Map<AgentId, Boolean> kept = new ConcurrentHashMap<>();

    PhoneLines(LiveTelephony telephony, AgentPhoneAccounts accounts, AgentSessions sessions, AgentEventStream events,
               EngineThread engine, ObjectProvider<LiveDialers> dialers, MeterRegistry registry) {
        this.registry = registry;
        this.sip = telephony.sipAdapter();
        this.accounts = accounts;
        this.sessions = sessions;
        this.events = events;
        this.engine = engine;
        this.dialers = dialers;
        sip.ifPresent(adapter -> {
            adapter.registrations().onChange(this::registrationChanged);
            adapter.agentLines().onChange(this::lineChanged);
            adapter.agentLines().onCallNotTaken(this::callNotTaken);
        });
    }

    /** Whether agents have phones of their own here (sip mode). */
    public boolean hasPhones() {
        return sip.isPresent();
    }

    /**
     * Whether the agent's phone is registered now, under a phone account they still have (a binding
     * outlives its account until it expires); false in sim mode.
     */
    public boolean isRegistered(AgentId agent) {
        return sip.filter(adapter -> adapter.registrations().isRegistered(agent)).isPresent()
                && accounts.hasPhone(Long.parseLong(agent.value()));
    }

    /** In sip mode, 409 PHONE_NOT_REGISTERED unless the agent's phone is registered. */
    public void requireRegistered(AgentId agent) {
        if (hasPhones() && !isRegistered(agent)) {
            throw new ConflictException("dialing.state.phone-not-registered", new Object[0],
                    Map.of("reason", NOT_REGISTERED));
        }
    }

    /**
     * After the agent's state or open campaigns changed: their line is kept up when {@code wanted}
     * (Available with a progressive or predictive campaign open), released otherwise.
     */
    public void presenceChanged(long businessId, AgentId agent, boolean wanted) {
        businessOf.put(agent, businessId);
        sip.map(SipAdapter::agentLines).ifPresent(lines -> {
            if (wanted) {
                kept.put(agent, true);
                // Before the call, so that an UP reported at once is not missed; the check after covers a line up already.
                sessions.waitForLine(agent);
                lines.nailUp(agent);
                if (lines.state(agent) == AgentLines.LineState.UP) {
                    sessions.stopWaitingForLine(agent);
                }
            } else {
                sessions.stopWaitingForLine(agent);
                if (kept.remove(agent) != null) {
                    lines.release(agent);
                }
            }
        });
    }

    /** The agent's line as the adapter knows it; DOWN in sim mode. */
    public AgentLines.LineState lineState(AgentId agent) {
        return sip.map(adapter -> adapter.agentLines().state(agent)).orElse(AgentLines.LineState.DOWN);
    }

    /** An admin removed the agent's phone account (or the agent): they can no longer work on it. */
    @TransactionalEventListener(fallbackExecution = true)
    void phoneChanged(AgentPhoneChanged change) {
        if (change.removed() && hasPhones()) {
            AgentId agent = AgentId.of(String.valueOf(change.userId()));
            sip.ifPresent(adapter -> adapter.registrations().forget(agent));
            registrationChanged(agent, false);
        }
    }

    private void registrationChanged(AgentId agent, boolean registered) {
        events.push(agent, "phone-registration", Map.of("registered", registered));
        if (!registered) {
            dropFromWork(agent, NOT_REGISTERED);
        }
    }

    private void lineChanged(AgentId agent, AgentLines.LineState state, Optional<CallResult> notTaken) {
        events.push(agent, "phone-line", Map.of("state", state.name()));
        if (state == AgentLines.LineState.UP) {
            sessions.stopWaitingForLine(agent);
            tellTheEngine(agent);
        } else if (state == AgentLines.LineState.DOWN && kept.remove(agent) != null) {
            dropFromWork(agent, whyDown(notTaken));
        }
    }

    /**
     * Redirection on no answer, as an ACD does it: an agent whose phone did not take a call rung on it (a queue call,
     * an auto callback's ring) is away from it, or has it refuse calls, so no more are sent there until they are back.
     */
    private void callNotTaken(AgentId agent, CallResult how) {
        dropFromWork(agent, how == CallResult.NOANSWER ? CALL_NOT_ANSWERED : CALL_REFUSED);
    }

    /**
     * What the agent is told: their phone hung the line up, did not pick it up in time, or did not take Outdial's
     * call at all (declined, busy, unreachable, or unable to speak what Outdial offered), each with its own remedy.
     */
    private static String whyDown(Optional<CallResult> notTaken) {
        return notTaken.map(result -> result == CallResult.NOANSWER ? LINE_NOT_ANSWERED : LINE_REFUSED)
                .orElse(LINE_DOWN);
    }

    /** The agent can no longer be given work: Not available, the engine told, the page told why. */
    private void dropFromWork(AgentId agent, String reason) {
        if (!sessions.isAvailable(agent)) {
            return;
        }
        sessions.setAvailable(agent, false);
        // A wave of one reason is the phones' network or registrar going bad, not one agent's desk.
        registry.counter("outdial.agents.set.not.available", "business",
                String.valueOf(businessOf.getOrDefault(agent, 0L)), "reason", reason).increment();
        Optional.ofNullable(kept.remove(agent)).ifPresent(wasKept -> sip.orElseThrow().agentLines().release(agent));
        tellTheEngine(agent);
        events.push(agent, "agent-state", Map.of("available", false, "reason", reason));
    }

    /** The agent's presence changed for the engine (work may go to them now, or no more); on their business's lane. */
    private void tellTheEngine(AgentId agent) {
        Long businessId = businessOf.get(agent);
        if (businessId != null) {
            engine.lane(businessId).at(engine.now(), () -> dialers.getObject().presenceChanged(businessId, agent));
        }
    }
}
