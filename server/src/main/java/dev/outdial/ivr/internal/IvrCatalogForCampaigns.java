package dev.outdial.ivr.internal;

import dev.outdial.campaign.IvrCatalog;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** Lets a campaign name only an IVR of its own business, and offers those in its form. */
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

    @Override
    public List<Choice> choices(long businessId) {
        return ivrs.list(businessId).stream().map(ivr -> new Choice(ivr.id(), ivr.name()))
                .sorted(Comparator.comparing(Choice::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }
}
