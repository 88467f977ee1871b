package dev.outdial.dialing.internal;

import dev.outdial.call.CallEndHandler;
import dev.outdial.call.CallEnded;
import dev.outdial.campaign.Campaign;
import dev.outdial.campaign.Campaigns;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.customer.DialType;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Autocall's "create a ticket for a call to an agent or to voicemail: in the on mode, the system will
 * create a ticket if the call meets the agent or goes to the customer's voicemail": a call that an
 * agent took (the IVR connected it) or that an answering machine answered opens a CALL ticket.
 */
@Component
class AutocallTickets implements CallEndHandler {

    private static final Logger log = LoggerFactory.getLogger(AutocallTickets.class);

    private final Set<Long> ticketing = ConcurrentHashMap.newKeySet();
    private final Campaigns campaigns;
    private final CallTickets tickets;

    AutocallTickets(Campaigns campaigns, CallTickets tickets) {
        this.campaigns = campaigns;
        this.tickets = tickets;
    }

    /** The dialer registers each campaign's setting when it starts running it, as it does for tickets per call. */
    void register(long campaignId, boolean ticketsAgentOrVoicemail) {
        if (ticketsAgentOrVoicemail) {
            ticketing.add(campaignId);
        } else {
            ticketing.remove(campaignId);
        }
    }

    @Override
    public String name() {
        return "autocall-tickets";
    }

    /** Only a call of an autocall campaign registered as asking for it: most calls store nothing for this. */
    @Override
    public boolean wants(CallEnded call) {
        return ticketing.contains(call.campaignId()) && worthATicket(call);
    }

    /** A call that met an agent or voicemail, in a campaign that does not ticket every call (it has its ticket then). */
    private boolean worthATicket(CallEnded call) {
        return (metAnAgent(call) || voicemail(call)) && !tickets.ticketsEveryCall(call.campaignId());
    }

    @Override
    public void handle(List<CallEnded> batch) {
        // Asked again, and the campaign read below: call ends the event registry held before the upgrade
        // were stored for every call.
        batch.stream().filter(this::worthATicket).forEach(this::open);
    }

    private static boolean metAnAgent(CallEnded call) {
        return call.agentId() != null && CallResult.SUCCESS.name().equals(call.result());
    }

    private static boolean voicemail(CallEnded call) {
        return CallResult.MACHINE.name().equals(call.result());
    }

    private void open(CallEnded call) {
        try {
            Campaign campaign = campaigns.get(call.businessId(), call.campaignId());
            // The stored settings decide: the registrations above may not be there yet after a restart.
            if (campaign.dialMode() != DialType.AUTOCALL
                    || !Boolean.TRUE.equals(campaign.settings().ticketOnAgentOrVoicemail())
                    || Boolean.TRUE.equals(campaign.settings().ticketPerCall())) {
                return;
            }
            tickets.open(call, (voicemail(call) ? "Voicemail" : "Agent") + " · " + campaign.name());
        } catch (RuntimeException failed) {
            // The call is over and recorded whatever happens here; a lost ticket must not stop the dialer.
            log.warn("No ticket for call {} of campaign {}: {}", call.callId(), call.campaignId(), failed.getMessage());
        }
    }
}
