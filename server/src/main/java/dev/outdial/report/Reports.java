package dev.outdial.report;

import dev.outdial.campaign.Campaign;
import dev.outdial.campaign.CampaignDefinition;
import dev.outdial.campaign.Campaigns;
import dev.outdial.report.internal.ReportRepository.Classified;
import dev.outdial.report.internal.ReportRepository.Grouping;
import dev.outdial.report.internal.ReportRepository.Received;
import dev.outdial.report.internal.ReportRepository.Sums;
import dev.outdial.report.internal.ReportRepository;
import dev.outdial.shared.BusinessTimeZones;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The campaign and agent reports of a business (SPEC §6) over a period of its days. */
@Service
public class Reports {

    private final ReportRepository figures;
    private final Campaigns campaigns;
    private final BusinessTimeZones zones;

    Reports(ReportRepository figures, Campaigns campaigns, BusinessTimeZones zones) {
        this.figures = figures;
        this.campaigns = campaigns;
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
                figures.classifications(businessId, period, campaignId, Grouping.CAMPAIGN));
        List<CampaignReportRow> rows = figures.sums(businessId, period, campaignId, Grouping.CAMPAIGN).stream()
                .filter(sums -> known.containsKey(sums.key()))
                .map(sums -> {
                    Campaign campaign = known.get(sums.key());
                    return new CampaignReportRow(campaign.id(), campaign.name(), campaign.dialMode(), campaign.status(),
                            figuresOf(sums, classified));
                })
                .sorted(Comparator.comparing(CampaignReportRow::campaignName, String.CASE_INSENSITIVE_ORDER))
                .toList();
        return new CampaignReport(period.from(), period.to(), rows, total(businessId, period, campaignId, Grouping.ALL));
    }

    /** A row per agent of the business who made calls or received customers in the period. */
    @Transactional(readOnly = true)
    public AgentReport agents(long businessId, ReportPeriod period, Long campaignId) {
        Map<Long, Campaign> known = campaignsOf(businessId, campaignId);
        Map<Long, Sums> sums = figures.sums(businessId, period, campaignId, Grouping.AGENT).stream()
                .collect(Collectors.toMap(Sums::key, Function.identity()));
        Map<Long, List<ClassificationCount>> classified = byKey(
                figures.classifications(businessId, period, campaignId, Grouping.AGENT));
        Map<Long, List<Received>> received = figures.received(businessId, period, campaignId).stream()
                .collect(Collectors.groupingBy(Received::agentId));
        TreeSet<Long> agentIds = new TreeSet<>(sums.keySet());
        agentIds.addAll(received.keySet());
        Map<Long, String> names = figures.agentNames(businessId, agentIds);
        List<AgentReportRow> rows = agentIds.stream()
                .filter(names::containsKey)
                .map(agentId -> new AgentReportRow(agentId, names.get(agentId),
                        sums.containsKey(agentId) ? figuresOf(sums.get(agentId), classified) : CallFigures.none(),
                        quotaOf(agentId, received.getOrDefault(agentId, List.of()), known)))
                .sorted(Comparator.comparing(AgentReportRow::agentName, String.CASE_INSENSITIVE_ORDER))
                .toList();
        return new AgentReport(period.from(), period.to(), rows,
                total(businessId, period, campaignId, Grouping.ALL_AGENTS));
    }

    private Map<Long, Campaign> campaignsOf(long businessId, Long campaignId) {
        List<Campaign> chosen = campaignId == null ? campaigns.list(businessId, null, null, null)
                : List.of(campaigns.get(businessId, campaignId));
        return chosen.stream().collect(Collectors.toMap(Campaign::id, Function.identity()));
    }

    private CallFigures total(long businessId, ReportPeriod period, Long campaignId, Grouping grouping) {
        List<ClassificationCount> classified = figures.classifications(businessId, period, campaignId, grouping)
                .stream().map(Classified::count).toList();
        return figures.sums(businessId, period, campaignId, grouping).stream().findFirst()
                .map(sums -> CallFigures.of(sums.calls(), sums.contacts(), sums.abandoned(), sums.connected(),
                        sums.talkSeconds(), sums.activeHours(), classified))
                .orElse(CallFigures.none());
    }

    private static CallFigures figuresOf(Sums sums, Map<Long, List<ClassificationCount>> classified) {
        return CallFigures.of(sums.calls(), sums.contacts(), sums.abandoned(), sums.connected(), sums.talkSeconds(),
                sums.activeHours(), classified.getOrDefault(sums.key(), List.of()));
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
