package dev.outdial.ticket.internal;

import dev.outdial.campaign.Campaign;
import dev.outdial.campaign.Campaigns;
import dev.outdial.engine.customer.DialType;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The campaigns a trigger may add customers to: the business's auto-callback campaigns. Looked up
 * in the list rather than by {@code Campaigns#get}, whose 404 would mark the ticket's transaction
 * for rollback when a trigger names a campaign deleted since.
 */
@Component
public class AutoCallbackCampaigns {

    private final Campaigns campaigns;

    AutoCallbackCampaigns(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    public Optional<Campaign> find(long businessId, long campaignId) {
        return campaigns.list(businessId, null, null, DialType.AUTO_CALLBACK).stream()
                .filter(campaign -> campaign.id() == campaignId).findFirst();
    }
}
