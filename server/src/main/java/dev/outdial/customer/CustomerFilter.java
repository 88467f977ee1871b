package dev.outdial.customer;

import dev.outdial.engine.customer.CustomerStatus;
import java.time.Instant;
import java.util.Set;

/**
 * The customer list's search (SPEC §4.3): by campaign (id or name), customer name and phone (with
 * {@code ?} and {@code *} wildcards over the whole value; without them a name matches anywhere and
 * a phone matches the whole number typed any usual way, or a fragment of its digits), statuses,
 * time added, account manager and customer group. Any part may be null.
 */
public record CustomerFilter(Long campaignId, String campaignName, String name, String phone,
                             Set<CustomerStatus> statuses, Instant addedFrom, Instant addedTo, Long accountManagerId,
                             Long customerGroupId) {

    public static CustomerFilter ofCampaign(long campaignId) {
        return new CustomerFilter(campaignId, null, null, null, null, null, null, null, null);
    }
}
