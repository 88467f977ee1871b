package dev.outdial.dialing.internal;

import dev.outdial.call.CallEndHandler;
import dev.outdial.call.CallEnded;
import dev.outdial.campaign.Campaign;
import dev.outdial.campaign.Campaigns;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.customer.DialType;
import java.util.List;
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

    private final Campaigns campaigns;
    private final CallTickets tickets;

    AutocallTickets(Campaigns campaigns, CallTickets tickets) {
        this.campaigns = campaigns;
        this.tickets = tickets;
    }

    @Override
    public String name() {
        return "autocall-tickets";
    }

    /** A call that met an agent or voicemail, in a campaign that does not ticket every call (it has its ticket then). */
    @Override
    public boolean wants(CallEnded call) {
        return (metAnAgent(call) || voicemail(call)) && !tickets.ticketsEveryCall(call.campaignId());
    }

    @Override
    public void handle(List<CallEnded> batch) {
        // Asked again: call ends the event registry held before the upgrade were stored for every call.
        batch.stream().filter(this::wants).forEach(this::open);
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
            if (campaign.dialMode() != DialType.AUTOCALL
                    || !Boolean.TRUE.equals(campaign.settings().ticketOnAgentOrVoicemail())) {
                return;
            }
            tickets.open(call, (voicemail(call) ? "Voicemail" : "Agent") + " · " + campaign.name());
        } catch (RuntimeException failed) {
            // The call is over and recorded whatever happens here; a lost ticket must not stop the dialer.
            log.warn("No ticket for call {} of campaign {}: {}", call.callId(), call.campaignId(), failed.getMessage());
        }
    }
}
