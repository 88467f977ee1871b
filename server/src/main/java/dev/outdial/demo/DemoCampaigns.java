package dev.outdial.demo;

import dev.outdial.agent.UserAccount;
import dev.outdial.agent.UserAccounts;
import dev.outdial.business.Business;
import dev.outdial.business.Businesses;
import dev.outdial.campaign.Campaign;
import dev.outdial.campaign.CampaignAction;
import dev.outdial.campaign.CampaignDefinition;
import dev.outdial.campaign.Campaigns;
import dev.outdial.campaign.settings.Hotline;
import dev.outdial.campaign.settings.Hotlines;
import dev.outdial.campaign.settings.WorkingHours;
import dev.outdial.campaign.settings.WorkingHoursSchedules;
import dev.outdial.customer.CampaignCustomers;
import dev.outdial.engine.customer.DialType;
import dev.outdial.shared.Role;
import dev.outdial.shared.StartupNotes;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's campaigns (issue 5: "a running manual, a preview and a progressive campaign with a
 * few hundred customers"), open 24/7 so they dial at any hour, worked by the demo agents and, on the
 * progressive one, by {@link DemoBots}. Each is made once, whole or not at all; a restart finds it
 * by name and leaves it as it stands.
 */
@Component
@Profile("demo")
@Order(20)
class DemoCampaigns implements ApplicationRunner {

    static final String MANUAL = "Khách hàng mới — gọi tay (Manual)";
    static final String PREVIEW = "Gia hạn hợp đồng (Preview)";
    static final String PROGRESSIVE = "Khảo sát hài lòng (Progressive)";
    static final String PREDICTIVE = "Nhắc thanh toán (Predictive)";
    static final int CUSTOMERS_EACH = 300;


    private record Plan(String name, DialType mode, long seed) {
    }

    private static final List<Plan> PLANS = List.of(new Plan(MANUAL, DialType.MANUAL, 1),
            new Plan(PREVIEW, DialType.PREVIEW, 2), new Plan(PROGRESSIVE, DialType.PROGRESSIVE, 3),
            new Plan(PREDICTIVE, DialType.PREDICTIVE, 4));

    private final Businesses businesses;
    private final UserAccounts users;
    private final Hotlines hotlines;
    private final WorkingHoursSchedules schedules;
    private final Campaigns campaigns;
    private final CampaignCustomers customers;
    private final DemoBots bots;
    private final Clock clock;
    private final StartupNotes notes;

    DemoCampaigns(Businesses businesses, UserAccounts users, Hotlines hotlines, WorkingHoursSchedules schedules,
                  Campaigns campaigns, CampaignCustomers customers, DemoBots bots, Clock clock, StartupNotes notes) {
        this.notes = notes;
        this.businesses = businesses;
        this.users = users;
        this.hotlines = hotlines;
        this.schedules = schedules;
        this.campaigns = campaigns;
        this.customers = customers;
        this.bots = bots;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Business business = businesses.findByName(DemoBusiness.NAME).orElseThrow();
        List<String> lines = new java.util.ArrayList<>();
        for (Plan plan : PLANS) {
            Campaign campaign = find(business.id(), plan.name()).orElseGet(() -> create(business.id(), plan));
            lines.add(String.format("%-11s %-12s %s", campaign.status(), plan.mode(), plan.name()));
        }
        lines.add("Simulated agents (bots) answer and classify the progressive and predictive campaigns' calls.");
        notes.add("Demo campaigns (simulated carrier; numbers ending " + DemoCustomers.BUSY_SUFFIX + " are busy, "
                + DemoCustomers.NO_ANSWER_SUFFIX + " never answer):", lines);
    }

    private Optional<Campaign> find(long businessId, String name) {
        return campaigns.list(businessId, name, null, null).stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private Campaign create(long businessId, Plan plan) {
        long admin = users.list(businessId, Role.ADMIN).getFirst().id();
        List<Long> agents = new java.util.ArrayList<>(users.list(businessId, Role.AGENT).stream()
                .filter(user -> !bots.isBot(user)).map(UserAccount::id).toList());
        if (plan.mode() == DialType.PROGRESSIVE) {
            agents.addAll(bots.users(businessId));
        } else if (plan.mode() == DialType.PREDICTIVE) {
            agents.addAll(bots.predictiveUsers(businessId));
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        CampaignDefinition.Builder settings = CampaignDefinition.builder().name(plan.name())
                .description("Demo: " + plan.mode().name().toLowerCase() + " campaign on the simulated carrier")
                .dialMode(plan.mode()).startTime(now.minusMinutes(1)).endTime(now.plusYears(1))
                .hotlineIds(hotlines.list(businessId).stream().map(Hotline::id).limit(1).toList())
                .workingHoursId(schedules.list(businessId).stream()
                        .filter(hours -> hours.name().equals(DemoBusiness.ALWAYS_OPEN.name()))
                        .map(WorkingHours::id).findFirst().orElseThrow())
                .maxCallsPerCustomer(3).retryGapMinutes(10).noCallbackDays(30)
                .agentIds(agents).agentGroupIds(List.of()).autoAssignAccountManager(true).ticketPerCall(false);
        switch (plan.mode()) {
            case PREVIEW -> settings.previewSeconds(20).wrapUpSeconds(15);
            case PROGRESSIVE -> settings.wrapUpSeconds(5);
            // A ceiling under the demo contract's 30 lines, so the other campaigns keep theirs; the
            // abandon rate, the wait for an agent and the agent's answer timeout are the defaults.
            case PREDICTIVE -> settings.wrapUpSeconds(5).maxConcurrentCalls(12);
            default -> { }
        }
        long id = campaigns.create(businessId, admin, settings.build()).id();
        customers.add(businessId, admin, id, DemoCustomers.generate(CUSTOMERS_EACH, plan.seed()));
        campaigns.act(businessId, admin, id, CampaignAction.APPROVE);
        return campaigns.act(businessId, admin, id, CampaignAction.START);
    }
}
