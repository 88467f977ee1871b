package dev.outdial.dialing.internal;

import dev.outdial.call.CallEndHandler;
import dev.outdial.call.CallEnded;
import dev.outdial.call.DialingCalls;
import dev.outdial.customer.CampaignCustomers;
import dev.outdial.ticket.Ticket;
import dev.outdial.ticket.TicketChannel;
import dev.outdial.ticket.TicketDraft;
import dev.outdial.ticket.Tickets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Ticket per call: when on, each call creates a ticket like a regular outgoing call" (SPEC §5):
 * channel CALL, the customer's name and the number dialed, the campaign and the call. The ticket
 * is opened when the call ends, once, and the call record names it. The dialer registers each
 * campaign's setting when it starts running it, as it does for account managers.
 */
@Component
class CallTickets implements CallEndHandler {

    private static final Logger log = LoggerFactory.getLogger(CallTickets.class);

    private final Set<Long> ticketing = ConcurrentHashMap.newKeySet();
    private final Tickets tickets;
    private final CampaignCustomers customers;
    private final DialingCalls calls;
    /** A ticket that cannot be opened rolls back to its savepoint, not the batch of call ends it was handled in. */
    private final TransactionTemplate savepoint;

    CallTickets(Tickets tickets, CampaignCustomers customers, DialingCalls calls, PlatformTransactionManager transactions) {
        this.tickets = tickets;
        this.customers = customers;
        this.calls = calls;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    void register(long campaignId, boolean ticketPerCall) {
        if (ticketPerCall) {
            ticketing.add(campaignId);
        } else {
            ticketing.remove(campaignId);
        }
    }

    /** Whether every call of the campaign opens a ticket already. */
    boolean ticketsEveryCall(long campaignId) {
        return ticketing.contains(campaignId);
    }

    @Override
    public String name() {
        return "call-tickets";
    }

    @Override
    public boolean wants(CallEnded ended) {
        return ticketing.contains(ended.campaignId());
    }

    @Override
    public void handle(List<CallEnded> batch) {
        // Asked again: call ends the event registry held before the upgrade were stored for every call.
        batch.stream().filter(this::wants).forEach(ended -> open(ended, null));
    }

    /** Opens the CALL ticket of the ended call, named on its call record; {@code subject} may be null. */
    void open(CallEnded ended, String subject) {
        try {
            savepoint.executeWithoutResult(status -> {
                String name = customers.get(ended.businessId(), ended.campaignId(), ended.customerId()).name();
                Ticket ticket = tickets.open(ended.businessId(), new TicketDraft(TicketChannel.CALL, name,
                        ended.number(), ended.campaignId(), ended.callId(), null, subject));
                calls.attachTicket(ended.callId(), ticket.id());
            });
        } catch (RuntimeException failed) {
            // A ticket that cannot be saved must not stop the engine thread the call ended on.
            log.warn("No ticket for call {}: {}", ended.callId(), failed.getMessage());
        }
    }
}
