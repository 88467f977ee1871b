package dev.outdial.dialing.internal;

import dev.outdial.engine.inbound.FollowUp;
import dev.outdial.engine.inbound.InboundCall;
import dev.outdial.engine.inbound.InboundCallLog;
import dev.outdial.inbound.InboundCalls;
import dev.outdial.inbound.InboundQueues;
import dev.outdial.shared.InvalidInputException;
import dev.outdial.ticket.TicketChannel;
import dev.outdial.ticket.TicketDraft;
import dev.outdial.ticket.Tickets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine's {@link InboundCallLog} live: each step of a queue call goes to the queue's call
 * records and, once an agent is rung for it, to that agent's event stream; a callback request or a missed call opens
 * its ticket, which runs the triggers — the way an inbound caller reaches the auto-callback campaign.
 */
@Component
class LiveInboundCallLog implements InboundCallLog {

    private static final Logger LOG = LoggerFactory.getLogger(LiveInboundCallLog.class);

    private final InboundCalls calls;
    private final Tickets tickets;
    private final InboundQueues queues;
    private final AgentEventStream agents;

    LiveInboundCallLog(InboundCalls calls, Tickets tickets, InboundQueues queues, AgentEventStream agents) {
        this.calls = calls;
        this.tickets = tickets;
        this.queues = queues;
        this.agents = agents;
    }

    /** Saves the step; the agent it rings or who talks on it is told who calls (a screen pop). */
    @Override
    public void save(InboundCall call) {
        calls.save(call);
        call.agent().ifPresent(agent -> agents.queueCall(agent, call, queues.get(call.businessId(), call.queueId()).name()));
    }

    /**
     * A caller whose number cannot be read (withheld: the trunk's "anonymous") cannot be called back: their call
     * opens no ticket, and the log says so.
     */
    @Override
    public void ended(InboundCall call, Optional<FollowUp> followUp) {
        followUp.ifPresent(kind -> {
            try {
                tickets.open(call.businessId(), new TicketDraft(
                        kind == FollowUp.CALLBACK ? TicketChannel.CALLBACK : TicketChannel.MISSED_CALL, null,
                        call.callerNumber(), null, null, call.queueId(), null));
            } catch (InvalidInputException unreadable) {
                LOG.info("Queue call {} from {} opens no {} ticket: {}", call.id().value(), call.callerNumber(), kind,
                        unreadable.getMessage());
            }
        });
    }
}
