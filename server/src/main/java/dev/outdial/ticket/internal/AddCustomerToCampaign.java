package dev.outdial.ticket.internal;

import dev.outdial.campaign.CampaignStatus;
import dev.outdial.customer.CampaignCustomers;
import dev.outdial.customer.CustomerFilter;
import dev.outdial.customer.NewCustomer;
import dev.outdial.engine.customer.CustomerStatus;
import dev.outdial.shared.PageRequest;
import dev.outdial.ticket.Ticket;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The action "add customer to campaign": the ticket's caller becomes a customer of the
 * auto-callback campaign once however many callbacks they ask for (the manual: "the system will
 * check for duplicates and only add that customer to the campaign once").
 */
@Component
class AddCustomerToCampaign {

    private static final Logger LOG = LoggerFactory.getLogger(AddCustomerToCampaign.class);
    /** A customer in these is still to be called: a further request adds nothing. */
    private static final Set<CustomerStatus> WAITING = EnumSet.of(CustomerStatus.NEW, CustomerStatus.IN_PROGRESS,
            CustomerStatus.RETRY, CustomerStatus.CALLBACK);

    private final AutoCallbackCampaigns campaigns;
    private final CampaignCustomers customers;
    private final CampaignLocks locks;

    AddCustomerToCampaign(AutoCallbackCampaigns campaigns, CampaignCustomers customers, CampaignLocks locks) {
        this.campaigns = campaigns;
        this.customers = customers;
        this.locks = locks;
    }

    void run(long businessId, Ticket ticket, long campaignId) {
        if (ticket.phone() == null) {
            return;
        }
        // A campaign deleted or ended since the trigger was saved is skipped: the ticket itself must
        // still be saved, and adding would fail (and roll the ticket back).
        boolean open = campaigns.find(businessId, campaignId)
                .filter(campaign -> campaign.status() != CampaignStatus.ENDED).isPresent();
        if (!open) {
            LOG.info("Ticket {}: campaign {} is gone or ended, its trigger adds nobody", ticket.id(), campaignId);
            return;
        }
        locks.lock(campaignId);
        if (isWaiting(businessId, campaignId, ticket.phone())) {
            return;
        }
        String name = ticket.customerName() == null ? ticket.phone() : ticket.customerName();
        // No user added them: the import is the system's (created_by stays empty).
        customers.add(businessId, null, campaignId,
                List.of(new NewCustomer(name, ticket.phone(), List.of(), null, null, null, Map.of())));
    }

    private boolean isWaiting(long businessId, long campaignId, String phone) {
        CustomerFilter filter = new CustomerFilter(campaignId, null, null, phone, WAITING, null, null, null, null);
        return !customers.list(businessId, filter, PageRequest.first(1), false).items().isEmpty();
    }
}
