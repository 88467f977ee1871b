package dev.outdial.dialing.internal;

import dev.outdial.customer.DialingCustomers;
import org.springframework.stereotype.Component;

/**
 * What is kept per running campaign beside the engine: the customer rules the store applies,
 * whether an agent becomes account manager, whether each call opens a ticket. Each learns it from
 * the one {@link LiveCampaign} read when the campaign starts.
 */
@Component
class LiveCampaignRegistries {

    private final DialingCustomers customers;
    private final AccountManagers accountManagers;
    private final CallTickets tickets;
    private final AutocallTickets autocallTickets;

    LiveCampaignRegistries(DialingCustomers customers, AccountManagers accountManagers, CallTickets tickets,
                           AutocallTickets autocallTickets) {
        this.customers = customers;
        this.accountManagers = accountManagers;
        this.tickets = tickets;
        this.autocallTickets = autocallTickets;
    }

    void register(LiveCampaign campaign) {
        customers.register(campaign.id(), campaign.settings().rules());
        accountManagers.register(campaign.id(), campaign.assignsAccountManager());
        tickets.register(campaign.id(), campaign.ticketPerCall());
        autocallTickets.register(campaign.id(), campaign.ticketsAgentOrVoicemail());
    }
}
