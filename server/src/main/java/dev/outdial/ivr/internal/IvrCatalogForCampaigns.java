package dev.outdial.ivr.internal;

import dev.outdial.campaign.IvrCatalog;
import org.springframework.stereotype.Component;

/** Lets a campaign name only an IVR of its own business. */
@Component
class IvrCatalogForCampaigns implements IvrCatalog {

    private final IvrRepository ivrs;

    IvrCatalogForCampaigns(IvrRepository ivrs) {
        this.ivrs = ivrs;
    }

    @Override
    public boolean exists(long businessId, long ivrId) {
        return ivrs.find(businessId, ivrId).isPresent();
    }
}
