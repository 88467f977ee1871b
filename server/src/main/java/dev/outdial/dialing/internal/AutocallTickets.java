package dev.outdial.dialing.internal;

import dev.outdial.call.CallEnded;
import dev.outdial.campaign.Campaign;
import dev.outdial.campaign.Campaigns;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.customer.DialType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Autocall's "create a ticket for a call to an agent or to voicemail: in the on mode, the system will
 * create a ticket if the call meets the agent or goes to the customer's voicemail": a call that an
 * agent took (the IVR connected it) or that an answering machine answered opens a CALL ticket.
 */
@Component
class AutocallTickets {

    private static final Logger log = LoggerFactory.getLogger(AutocallTickets.class);

    private final Campaigns campaigns;
    private final CallTickets tickets;

    AutocallTickets(Campaigns campaigns, CallTickets tickets) {
        this.campaigns = campaigns;
        this.tickets = tickets;
    }

    @ApplicationModuleListener
    void on(CallEnded call) {
        boolean metAnAgent = call.agentId() != null && CallResult.SUCCESS.name().equals(call.result());
        boolean voicemail = CallResult.MACHINE.name().equals(call.result());
        // A campaign that tickets every call has this call's ticket already.
        if (!metAnAgent && !voicemail || tickets.ticketsEveryCall(call.campaignId())) {
            return;
        }
        try {
            Campaign campaign = campaigns.get(call.businessId(), call.campaignId());
            if (campaign.dialMode() != DialType.AUTOCALL
                    || !Boolean.TRUE.equals(campaign.settings().ticketOnAgentOrVoicemail())) {
                return;
            }
            tickets.open(call, (voicemail ? "Voicemail" : "Agent") + " · " + campaign.name());
        } catch (RuntimeException failed) {
            // The call is over and recorded whatever happens here; a lost ticket must not stop the dialer.
            log.warn("No ticket for call {} of campaign {}: {}", call.callId(), call.campaignId(), failed.getMessage());
        }
    }
}
