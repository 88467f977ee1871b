package dev.outdial.dialing.internal;

import dev.outdial.business.Business;
import dev.outdial.business.Businesses;
import dev.outdial.campaign.Campaign;
import dev.outdial.campaign.Campaigns;
import dev.outdial.dialing.CampaignAuditReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./outdial audit [CAMPAIGN_ID...]} (issue 18): the server started on the database with the
 * {@code audit} profile audits the campaigns given in {@code outdial.audit.campaigns} (every
 * campaign of every business when none), prints one JSON report per line and exits: 0 when no rule
 * was broken, 1 otherwise. It runs and exits before the application is ready, when running
 * campaigns would start, and the audit profile schedules nothing: this process never paces nor dials.
 */
@Component
@Profile("audit")
class AuditCommand implements ApplicationRunner {

    private final CallAudit audit;
    private final Businesses businesses;
    private final Campaigns campaigns;
    private final JsonMapper json;
    private final ConfigurableApplicationContext context;
    private final Set<Long> only;

    AuditCommand(CallAudit audit, Businesses businesses, Campaigns campaigns, JsonMapper json,
                 ConfigurableApplicationContext context, @Value("${outdial.audit.campaigns:}") Set<Long> only) {
        this.audit = audit;
        this.businesses = businesses;
        this.campaigns = campaigns;
        this.json = json;
        this.context = context;
        this.only = only;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        List<CampaignAuditReport> reports = new ArrayList<>();
        Set<Long> found = new java.util.HashSet<>();
        for (Business business : businesses.list()) {
            for (Campaign campaign : campaigns.list(business.id(), null, null, null)) {
                if (only.isEmpty() || only.contains(campaign.id())) {
                    found.add(campaign.id());
                    reports.add(audit.audit(business.id(), campaign.id()));
                }
            }
        }
        reports.forEach(report -> System.out.println(json.writeValueAsString(report)));
        only.stream().filter(id -> !found.contains(id))
                .forEach(id -> System.err.println("outdial audit: no campaign " + id));
        boolean clean = reports.stream().allMatch(report -> report.violations() == 0) && found.containsAll(only);
        System.exit(SpringApplication.exit(context, () -> clean ? 0 : 1));
    }
}
