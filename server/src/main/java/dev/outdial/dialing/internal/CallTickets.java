package dev.outdial.dialing.internal;

import dev.outdial.call.CallEndHandler;
import dev.outdial.call.CallEnded;
import dev.outdial.call.DialingCalls;
import dev.outdial.campaign.Campaigns;
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
    private final Campaigns campaigns;
    private final Savepoint savepoint;

    CallTickets(Tickets tickets, CampaignCustomers customers, DialingCalls calls, Campaigns campaigns,
                PlatformTransactionManager transactions) {
        this.tickets = tickets;
        this.customers = customers;
        this.calls = calls;
        this.campaigns = campaigns;
        this.savepoint = new Savepoint(transactions);
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
        // Asked again, of the campaign as stored when the dialer has not registered it (yet): call ends the
        // event registry held before the upgrade were stored for every call, and a node drains what it stored
        // before a restart before its dialer runs the campaigns again.
        batch.stream().filter(ended -> wants(ended) || ticketsEveryCallAsStored(ended)).forEach(ended -> open(ended, null));
    }

    /** The campaign's stored setting, for a call end of a campaign the dialer does not run here now. */
    private boolean ticketsEveryCallAsStored(CallEnded ended) {
        try {
            return Boolean.TRUE.equals(campaigns.get(ended.businessId(), ended.campaignId()).settings().ticketPerCall());
        } catch (RuntimeException unreadable) {
            log.warn("No ticket for call {}: its campaign {} cannot be read: {}", ended.callId(), ended.campaignId(),
                    unreadable.getMessage());
            return false;
        }
    }

    /** Opens the CALL ticket of the ended call, named on its call record; {@code subject} may be null. */
    void open(CallEnded ended, String subject) {
        // A ticket that cannot be saved must not stop the engine thread the call ended on.
        savepoint.attempt(() -> {
            String name = customers.get(ended.businessId(), ended.campaignId(), ended.customerId()).name();
            Ticket ticket = tickets.open(ended.businessId(), new TicketDraft(TicketChannel.CALL, name,
                    ended.number(), ended.campaignId(), ended.callId(), null, subject));
            calls.attachTicket(ended.callId(), ticket.id());
        }, failed -> log.warn("No ticket for call {}: {}", ended.callId(), failed.getMessage()));
    }
}
