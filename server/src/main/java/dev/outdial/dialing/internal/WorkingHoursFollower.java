package dev.outdial.dialing.internal;

import dev.outdial.business.BusinessChanged;
import dev.outdial.business.Businesses;
import dev.outdial.campaign.Campaigns;
import dev.outdial.campaign.RunningCampaign;
import dev.outdial.campaign.settings.WeeklyHours;
import dev.outdial.campaign.settings.WorkingHours;
import dev.outdial.campaign.settings.WorkingHoursChanged;
import dev.outdial.campaign.settings.WorkingHoursSchedules;
import dev.outdial.engine.rules.WeeklySchedule;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * "A campaign dials only inside its working hours" (SPEC §2, §7) as they are now: an admin may edit a
 * schedule, or the business its time zone, while campaigns that use it run, and the audit judges each
 * call by the hours in force when it was dialed. Each campaign this node runs is given its hours afresh
 * as soon as the change commits when it was made through this node, and at the next pacer heartbeat
 * when made through another; calls up finish. (Its other settings cannot change while it runs: a
 * change to how it dials takes it back to UNAPPROVED.)
 */
@Component
class WorkingHoursFollower {

    private static final Logger log = LoggerFactory.getLogger(WorkingHoursFollower.class);

    private final Campaigns campaigns;
    private final Businesses businesses;
    private final WorkingHoursSchedules schedules;
    private final LiveDialers dialers;
    private final EngineThread engine;

    WorkingHoursFollower(Campaigns campaigns, Businesses businesses, WorkingHoursSchedules schedules,
                         LiveDialers dialers, EngineThread engine) {
        this.campaigns = campaigns;
        this.businesses = businesses;
        this.schedules = schedules;
        this.dialers = dialers;
        this.engine = engine;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void hoursChanged(WorkingHoursChanged change) {
        follow(change.businessId());
    }

    /** Its time zone may have changed: the hours are read in it. */
    @TransactionalEventListener(fallbackExecution = true)
    void businessChanged(BusinessChanged change) {
        follow(change.businessId());
    }

    private void follow(long businessId) {
        follow(businessId, campaigns.running().stream()
                .filter(campaign -> campaign.businessId() == businessId).toList());
    }

    /** {@code running}: the business's RUNNING campaigns; those started on this node dial by their hours as now. */
    void follow(long businessId, List<RunningCampaign> running) {
        Set<Long> here = dialers.startedHere().getOrDefault(businessId, Set.of());
        List<RunningCampaign> runHere = running.stream()
                .filter(campaign -> here.contains(campaign.campaignId())).toList();
        if (runHere.isEmpty()) {
            return;
        }
        ZoneId zone = businesses.zoneOf(businessId);
        Map<Long, WeeklyHours> hours = schedules.list(businessId).stream()
                .collect(Collectors.toMap(WorkingHours::id, WorkingHours::hours));
        for (RunningCampaign campaign : runHere) {
            Long scheduleId = campaign.workingHoursId();
            if (scheduleId != null && !hours.containsKey(scheduleId)) {
                continue; // deleted since it was read: a schedule in use cannot be, so the campaign stopped meanwhile
            }
            WeeklySchedule now = EngineCampaigns.workingHoursOf(scheduleId == null ? null : hours.get(scheduleId),
                    zone);
            engine.run(businessId, () -> dialers.runner(campaign.campaignId())
                    .filter(runner -> !runner.window().workingHours().equals(now))
                    .ifPresent(runner -> {
                        log.info("Campaign {} dials by its working hours as they are now: {}",
                                campaign.campaignId(), now);
                        runner.changeWindow(runner.window().withWorkingHours(now));
                    }));
        }
    }
}
