package dev.outdial.report;

import dev.outdial.agent.UserAccounts;
import dev.outdial.call.CallGrouping;
import dev.outdial.call.CallStatistics;
import dev.outdial.call.CallSums;
import dev.outdial.call.ClassifiedCalls;
import dev.outdial.campaign.Campaign;
import dev.outdial.campaign.CampaignDefinition;
import dev.outdial.campaign.Campaigns;
import dev.outdial.campaign.settings.CallClassification;
import dev.outdial.campaign.settings.CallClassifications;
import dev.outdial.dialing.AgentReceipts.Received;
import dev.outdial.dialing.AgentReceipts;
import dev.outdial.shared.BusinessTimeZones;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The campaign and agent reports of a business (SPEC §6) over a period of its days, made of what
 * each owner answers: the calls' sums ({@code call}), the customers agents received
 * ({@code dialing}), the campaigns, classifications ({@code campaign}) and agents' names ({@code agent}).
 */
@Service
public class Reports {

    private final CallStatistics calls;
    private final AgentReceipts receipts;
    private final Campaigns campaigns;
    private final CallClassifications classifications;
    private final UserAccounts users;
    private final BusinessTimeZones zones;

    Reports(CallStatistics calls, AgentReceipts receipts, Campaigns campaigns, CallClassifications classifications,
            UserAccounts users, BusinessTimeZones zones) {
        this.calls = calls;
        this.receipts = receipts;
        this.campaigns = campaigns;
        this.classifications = classifications;
        this.users = users;
        this.zones = zones;
    }

    /** The period {@code from}–{@code to} in the business's time zone, validated. */
    public ReportPeriod period(long businessId, String from, String to) {
        return ReportPeriod.of(from, to, zones.zoneOf(businessId));
    }

    /** A row per campaign that dialed in the period (only {@code campaignId} when given: 404 if not the business's). */
    @Transactional(readOnly = true)
    public CampaignReport campaigns(long businessId, ReportPeriod period, Long campaignId) {
        Map<Long, Campaign> known = campaignsOf(businessId, campaignId);
        Map<Long, List<ClassificationCount>> classified = byKey(
                classifications(businessId, period, campaignId, CallGrouping.CAMPAIGN));
        List<CampaignReportRow> rows = sums(businessId, period, campaignId, CallGrouping.CAMPAIGN).stream()
                .filter(sums -> known.containsKey(sums.key()))
                .map(sums -> {
                    Campaign campaign = known.get(sums.key());
                    return new CampaignReportRow(campaign.id(), campaign.name(), campaign.dialMode(), campaign.status(),
                            figuresOf(sums, classified));
                })
                .sorted(Comparator.comparing(CampaignReportRow::campaignName, String.CASE_INSENSITIVE_ORDER))
                .toList();
        return new CampaignReport(period.from(), period.to(), rows, total(businessId, period, campaignId, CallGrouping.ALL));
    }

    /** A row per agent of the business who made calls or received customers in the period. */
    @Transactional(readOnly = true)
    public AgentReport agents(long businessId, ReportPeriod period, Long campaignId) {
        Map<Long, Campaign> known = campaignsOf(businessId, campaignId);
        Map<Long, CallSums> sums = sums(businessId, period, campaignId, CallGrouping.AGENT).stream()
                .collect(Collectors.toMap(CallSums::key, Function.identity()));
        Map<Long, List<ClassificationCount>> classified = byKey(
                classifications(businessId, period, campaignId, CallGrouping.AGENT));
        Map<Long, List<Received>> received = receipts
                .received(known.keySet(), period.start(), period.end(), period.zone()).stream()
                .collect(Collectors.groupingBy(Received::agentId));
        TreeSet<Long> agentIds = new TreeSet<>(sums.keySet());
        agentIds.addAll(received.keySet());
        Map<Long, String> names = users.namesOf(businessId, agentIds);
        List<AgentReportRow> rows = agentIds.stream()
                .filter(names::containsKey)
                .map(agentId -> new AgentReportRow(agentId, names.get(agentId),
                        sums.containsKey(agentId) ? figuresOf(sums.get(agentId), classified) : CallFigures.none(),
                        quotaOf(agentId, received.getOrDefault(agentId, List.of()), known)))
                .sorted(Comparator.comparing(AgentReportRow::agentName, String.CASE_INSENSITIVE_ORDER))
                .toList();
        return new AgentReport(period.from(), period.to(), rows,
                total(businessId, period, campaignId, CallGrouping.ALL_AGENTS));
    }

    private Map<Long, Campaign> campaignsOf(long businessId, Long campaignId) {
        List<Campaign> chosen = campaignId == null ? campaigns.list(businessId, null, null, null)
                : List.of(campaigns.get(businessId, campaignId));
        return chosen.stream().collect(Collectors.toMap(Campaign::id, Function.identity()));
    }

    private CallFigures total(long businessId, ReportPeriod period, Long campaignId, CallGrouping grouping) {
        List<ClassificationCount> classified = classifications(businessId, period, campaignId, grouping)
                .stream().map(Classified::count).toList();
        return sums(businessId, period, campaignId, grouping).stream().findFirst()
                .map(sums -> CallFigures.of(sums, classified))
                .orElse(CallFigures.none());
    }

    private List<CallSums> sums(long businessId, ReportPeriod period, Long campaignId, CallGrouping grouping) {
        return calls.sums(businessId, period.start(), period.end(), period.zone(), campaignId, grouping);
    }

    /** A group's calls given one of the business's classifications. */
    private record Classified(long key, ClassificationCount count) {
    }

    /**
     * Calls per classification the agents gave, per group, in the business's order of
     * classifications; calls given a classification deleted since are left out.
     */
    private List<Classified> classifications(long businessId, ReportPeriod period, Long campaignId,
                                             CallGrouping grouping) {
        List<CallClassification> ordered = classifications.list(businessId);
        Map<Long, Integer> rank = new HashMap<>();
        for (int at = 0; at < ordered.size(); at++) {
            rank.put(ordered.get(at).id(), at);
        }
        return calls.classified(businessId, period.start(), period.end(), campaignId, grouping).stream()
                .filter(counted -> rank.containsKey(counted.classificationId()))
                .sorted(Comparator.comparingLong(ClassifiedCalls::key)
                        .thenComparing(counted -> rank.get(counted.classificationId())))
                .map(counted -> new Classified(counted.key(), new ClassificationCount(counted.classificationId(),
                        ordered.get(rank.get(counted.classificationId())).name(), counted.calls())))
                .toList();
    }

    private static CallFigures figuresOf(CallSums sums, Map<Long, List<ClassificationCount>> classified) {
        return CallFigures.of(sums, classified.getOrDefault(sums.key(), List.of()));
    }

    private static Map<Long, List<ClassificationCount>> byKey(List<Classified> counts) {
        return counts.stream().collect(Collectors.groupingBy(Classified::key,
                Collectors.mapping(Classified::count, Collectors.toList())));
    }

    /** The agent's quota per campaign: their own if the campaign sets one, else the campaign's (null: unlimited). */
    private static QuotaUse quotaOf(long agentId, List<Received> received, Map<Long, Campaign> known) {
        List<QuotaUse.CampaignQuota> quotas = new ArrayList<>();
        for (Received part : received) {
            Campaign campaign = known.get(part.campaignId());
            if (campaign == null) {
                continue;
            }
            CampaignDefinition settings = campaign.settings();
            Integer own = settings.agentQuotas() == null ? null : settings.agentQuotas().get(agentId);
            quotas.add(new QuotaUse.CampaignQuota(campaign.id(), campaign.name(),
                    own != null ? own : settings.dailyQuota(), part.days(), part.customers()));
        }
        return QuotaUse.of(quotas);
    }
}
