package dev.outdial.dialing.internal;

import dev.outdial.engine.inbound.FollowUp;
import dev.outdial.engine.inbound.InboundCall;
import dev.outdial.engine.inbound.InboundCallLog;
import dev.outdial.inbound.InboundCalls;
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
 * records; a callback request or a missed call opens its ticket, which runs the triggers — the way
 * an inbound caller reaches the auto-callback campaign.
 */
@Component
class InboundTickets implements InboundCallLog {

    private static final Logger LOG = LoggerFactory.getLogger(InboundTickets.class);

    private final InboundCalls calls;
    private final Tickets tickets;

    InboundTickets(InboundCalls calls, Tickets tickets) {
        this.calls = calls;
        this.tickets = tickets;
    }

    @Override
    public void save(InboundCall call) {
        calls.save(call);
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
