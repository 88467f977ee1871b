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
        long workingHoursId = schedules.list(businessId).stream()
                .filter(hours -> hours.name().equals(DemoBusiness.ALWAYS_OPEN.name()))
                .map(WorkingHours::id).findFirst().orElseThrow();
        Integer wrapUpSeconds = switch (plan.mode()) {
            case PREVIEW -> 15;
            case PROGRESSIVE, PREDICTIVE -> 5;
            default -> null;
        };
        Integer previewSeconds = plan.mode() == DialType.PREVIEW ? 20 : null;
        // A ceiling under the demo contract's 30 lines, so the other campaigns keep theirs; the abandon
        // rate, the wait for an agent and the agent's answer timeout are the defaults.
        Integer maxConcurrentCalls = plan.mode() == DialType.PREDICTIVE ? 12 : null;
        // As an admin would send it: null is "not given", filled with the dial type's default.
        CampaignDefinition settings = new CampaignDefinition(plan.name(),
                "Demo: " + plan.mode().name().toLowerCase() + " campaign on the simulated carrier",
                plan.mode(), now.minusMinutes(1), now.plusYears(1),
                hotlines.list(businessId).stream().map(Hotline::id).limit(1).toList(), workingHoursId,
                3, 10, 30, wrapUpSeconds, // calls per customer, retry gap minutes, no-callback days, wrap-up
                null, null, null, // script, daily quota, agents' quotas
                agents, List.of(), true, false, // agents, groups, account managers assigned, no ticket per call
                previewSeconds, null, null, null, null, maxConcurrentCalls, // preview; abandon rate, music, wait, answer timeout; ceiling
                null, null, null, null, // autocall's hotline rotation, group, IVR, tickets
                null, null, null, null, null); // answering machines and their message (the simulated customers have
                // none); recording and its retention (the simulated carrier has no audio); mapping
        long id = campaigns.create(businessId, admin, settings).id();
        customers.add(businessId, admin, id, DemoCustomers.generate(CUSTOMERS_EACH, plan.seed()));
        campaigns.act(businessId, admin, id, CampaignAction.APPROVE);
        return campaigns.act(businessId, admin, id, CampaignAction.START);
    }
}
