package dev.outdial.dialing.internal;

import dev.outdial.business.BusinessChanged;
import dev.outdial.business.Businesses;
import dev.outdial.campaign.Campaigns;
import dev.outdial.campaign.RunningCampaign;
import dev.outdial.campaign.settings.Hotline;
import dev.outdial.campaign.settings.Hotlines;
import dev.outdial.campaign.settings.HotlinesChanged;
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
 * The settings a running campaign names but does not own, as they are now: an admin may edit them
 * while campaigns that use them run.
 * <ul>
 * <li>Its working hours, read in the business's time zone ("a campaign dials only inside its working
 * hours", SPEC §2, §7): the audit judges each call by the hours in force when it was dialed.</li>
 * <li>Its hotlines: one disabled, renumbered or deleted is no longer called from, one added to its
 * group (or, for a rotation over all, to the business) is; with none enabled the campaign waits.</li>
 * </ul>
 * Each campaign this node runs is given them afresh as soon as a change commits when it was made
 * through this node, and at the next pacer heartbeat when made through another; calls up finish.
 * (Its own settings cannot change while it runs: a change to how it dials takes it back to UNAPPROVED.)
 */
@Component
class SettingsFollower {

    private static final Logger log = LoggerFactory.getLogger(SettingsFollower.class);

    private final Campaigns campaigns;
    private final Businesses businesses;
    private final WorkingHoursSchedules schedules;
    private final Hotlines hotlines;
    private final LiveDialers dialers;
    private final EngineThread engine;

    SettingsFollower(Campaigns campaigns, Businesses businesses, WorkingHoursSchedules schedules, Hotlines hotlines,
                     LiveDialers dialers, EngineThread engine) {
        this.campaigns = campaigns;
        this.businesses = businesses;
        this.schedules = schedules;
        this.hotlines = hotlines;
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

    @TransactionalEventListener(fallbackExecution = true)
    void hotlinesChanged(HotlinesChanged change) {
        follow(change.businessId());
    }

    private void follow(long businessId) {
        follow(businessId, campaigns.running().stream()
                .filter(campaign -> campaign.businessId() == businessId).toList());
    }

    /** {@code running}: the business's RUNNING campaigns; those started on this node dial by their settings as now. */
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
        List<Hotline> ofBusiness = hotlines.list(businessId);
        for (RunningCampaign campaign : runHere) {
            Long scheduleId = campaign.workingHoursId();
            if (scheduleId != null && !hours.containsKey(scheduleId)) {
                continue; // deleted since it was read: a schedule in use cannot be, so the campaign stopped meanwhile
            }
            WeeklySchedule hoursNow = EngineCampaigns.workingHoursOf(scheduleId == null ? null : hours.get(scheduleId),
                    zone);
            List<String> hotlinesNow = campaign.hotlines().numbers(ofBusiness);
            engine.run(businessId, () -> dialers.runner(campaign.campaignId()).ifPresent(runner -> {
                if (runner.changeWindow(runner.window().withWorkingHours(hoursNow))) {
                    log.info("Campaign {} dials by its working hours as they are now: {}", campaign.campaignId(),
                            hoursNow);
                }
                if (runner.changeHotlines(hotlinesNow)) {
                    log.info("Campaign {} calls from its hotlines as they are now: {}", campaign.campaignId(),
                            hotlinesNow.isEmpty() ? "none enabled, so it waits" : hotlinesNow);
                }
            }));
        }
    }
}
