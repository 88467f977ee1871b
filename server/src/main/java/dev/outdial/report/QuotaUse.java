package dev.outdial.report;

import java.util.List;

/**
 * Customers an agent received against their daily quota (SPEC §5). Per campaign, the quota is the
 * agent's own or the campaign's; over several days it counts once per day the agent received
 * customers of that campaign, so a day off does not lower their use. Campaigns without a quota
 * count in {@code customersReceived} only.
 */
public record QuotaUse(long customersReceived, Long quotaCustomers, Double quotaUse, List<CampaignQuota> quotas) {

    /** One campaign's part: its daily quota for the agent (null: unlimited), the days and customers received. */
    public record CampaignQuota(long campaignId, String campaignName, Integer dailyQuota, long days, long received) {
    }

    public static QuotaUse of(List<CampaignQuota> quotas) {
        long received = quotas.stream().mapToLong(CampaignQuota::received).sum();
        long limited = 0;
        long capacity = 0;
        for (CampaignQuota quota : quotas) {
            if (quota.dailyQuota() != null) {
                limited += quota.received();
                capacity += (long) quota.dailyQuota() * quota.days();
            }
        }
        boolean anyQuota = quotas.stream().anyMatch(quota -> quota.dailyQuota() != null);
        return new QuotaUse(received, anyQuota ? capacity : null,
                anyQuota && capacity > 0 ? (double) limited / capacity : null, List.copyOf(quotas));
    }
}
