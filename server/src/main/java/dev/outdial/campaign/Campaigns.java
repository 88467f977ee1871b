package dev.outdial.campaign;

import dev.outdial.campaign.internal.CampaignHistoryRepository;
import dev.outdial.campaign.internal.CampaignRepository.CampaignFilter;
import dev.outdial.campaign.internal.CampaignRepository;
import dev.outdial.campaign.internal.CampaignValidator;
import dev.outdial.engine.customer.DialType;
import dev.outdial.shared.BusinessTimeZones;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.NotFoundException;
import dev.outdial.shared.RecordingRetention;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaigns of a business: their settings and their lifecycle (SPEC §4.1–4.2). Every change of
 * status is conditional on the status it starts from, recorded with who and when, and published
 * as {@link CampaignStatusChanged}.
 */
@Service
public class Campaigns {

    private final CampaignRepository campaigns;
    private final CampaignHistoryRepository history;
    private final CampaignValidator validator;
    private final BusinessTimeZones zones;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Campaigns(CampaignRepository campaigns, CampaignHistoryRepository history, CampaignValidator validator,
              BusinessTimeZones zones, ApplicationEventPublisher events, Clock clock) {
        this.campaigns = campaigns;
        this.history = history;
        this.validator = validator;
        this.zones = zones;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Campaign create(long businessId, long actorId, CampaignDefinition given) {
        CampaignDefinition settings = validator.validate(businessId, given);
        refuseTakenName(businessId, settings.name(), null);
        Instant now = clock.instant();
        long id = campaigns.insert(businessId, settings, CampaignStatus.UNAPPROVED, now);
        history.record(id, now, actorId, CampaignAction.CREATE, null, CampaignStatus.UNAPPROVED);
        return get(businessId, id);
    }

    /**
     * Replaces the settings. A campaign that was approved goes back to UNAPPROVED when anything
     * but its name or description changes: only an admin's approval lets changed dialing rules run.
     */
    @Transactional
    public Campaign update(long businessId, long actorId, long id, CampaignDefinition given) {
        Campaign current = get(businessId, id);
        if (current.status() == CampaignStatus.ENDED) {
            throw new ConflictException("campaign.ended.final", new Object[] {current.name()},
                    Map.of("currentStatus", current.status()));
        }
        CampaignDefinition settings = validator.validate(businessId, given).withTimesIn(zones.zoneOf(businessId));
        refuseTakenName(businessId, settings.name(), id);
        boolean needsApproval = current.status() != CampaignStatus.UNAPPROVED
                && !sameDialing(current.settings(), settings);
        CampaignStatus status = needsApproval ? CampaignStatus.UNAPPROVED : current.status();
        Instant now = clock.instant();
        campaigns.update(businessId, id, settings, status, now);
        if (needsApproval) {
            history.record(id, now, actorId, CampaignAction.EDIT_NEEDS_APPROVAL, current.status(), status);
            events.publishEvent(new CampaignStatusChanged(businessId, id, current.status(), status,
                    CampaignAction.EDIT_NEEDS_APPROVAL, actorId));
        }
        return get(businessId, id);
    }

    @Transactional(readOnly = true)
    public Campaign get(long businessId, long id) {
        return campaigns.find(businessId, id, zones.zoneOf(businessId))
                .orElseThrow(() -> new NotFoundException("campaign", id));
    }

    @Transactional(readOnly = true)
    public List<Campaign> list(long businessId, String name, CampaignStatus status, DialType dialMode) {
        String needle = name == null || name.isBlank() ? null : name.strip();
        return campaigns.list(businessId, new CampaignFilter(needle, status, dialMode), zones.zoneOf(businessId));
    }

    /** Every campaign of the platform that keeps its recordings a limited time, in one read. */
    @Transactional(readOnly = true)
    public List<RecordingRetention> recordingRetention() {
        return campaigns.recordingRetention();
    }

    /**
     * Every RUNNING campaign of the platform in one read: what the jobs that keep each node's dialing
     * in step walk every few seconds, instead of listing each business's campaigns (a platform of
     * hundreds of businesses made that hundreds of reads a beat, most of them finding nothing).
     */
    @Transactional(readOnly = true)
    public List<RunningCampaign> running() {
        return campaigns.running();
    }

    @Transactional(readOnly = true)
    public List<CampaignHistoryEntry> history(long businessId, long id) {
        get(businessId, id);
        return history.of(businessId, id);
    }

    /**
     * Whether a campaign that has not ended names the IVR, as for scripts and schedules: an ended
     * campaign dials no more, and its calls keep the path they took.
     */
    @Transactional(readOnly = true)
    public boolean usesIvr(long businessId, long ivrId) {
        return campaigns.usesIvr(businessId, ivrId, CampaignStatus.notEnded());
    }

    /** Only a campaign that never ran or has ended may be deleted; a live one is stopped first. */
    @Transactional
    public void delete(long businessId, long id) {
        Campaign current = get(businessId, id);
        if (current.status() != CampaignStatus.UNAPPROVED && current.status() != CampaignStatus.ENDED) {
            throw new ConflictException("campaign.delete.live", new Object[] {label(current.status())},
                    Map.of("currentStatus", current.status()));
        }
        campaigns.delete(businessId, id);
    }

    /** A person's lifecycle action (approve, start, pause, resume, stop); 409 with the current status when refused. */
    @Transactional
    public Campaign act(long businessId, long actorId, long id, CampaignAction action) {
        Campaign current = get(businessId, id);
        if (!action.allowedFrom(current.status())) {
            throw new ConflictException("campaign.transition.refused",
                    new Object[] {label(action), label(current.status())}, Map.of("currentStatus", current.status()));
        }
        if (action == CampaignAction.APPROVE) {
            checkReadyForApproval(current);
        }
        if (action == CampaignAction.START || action == CampaignAction.RESUME) {
            refuseAfterEnd(current);
        }
        move(businessId, current, action, actorId);
        return get(businessId, id);
    }

    /**
     * The lifecycle clock: approved campaigns whose start time has come start by themselves, and
     * live ones whose end time has passed end. Safe to run on every node at once.
     */
    @Transactional
    public int applyCampaignTimes(Instant now) {
        int moved = 0;
        for (CampaignRepository.Due due : campaigns.dueToStart(now)) {
            moved += moveBySystem(due, CampaignStatus.APPROVED, CampaignAction.START_TIME_ARRIVED, now);
        }
        for (CampaignStatus live : List.of(CampaignStatus.APPROVED, CampaignStatus.RUNNING, CampaignStatus.PAUSED)) {
            for (CampaignRepository.Due due : campaigns.dueToEnd(live, now)) {
                moved += moveBySystem(due, live, CampaignAction.END_TIME_PASSED, now);
            }
        }
        return moved;
    }

    /**
     * "Campaigns other than auto callback pause themselves (PAUSED, reason 'list exhausted') when no
     * customer is or will become eligible" (SPEC §4.2); the dialer decides when. False when the
     * campaign is no longer RUNNING (someone paused or stopped it first).
     */
    @Transactional
    public boolean pauseListExhausted(long businessId, long campaignId) {
        Campaign campaign = get(businessId, campaignId);
        if (campaign.settings().dialMode() == DialType.AUTO_CALLBACK) {
            return false;
        }
        return moveBySystem(new CampaignRepository.Due(businessId, campaignId), CampaignStatus.RUNNING,
                CampaignAction.LIST_EXHAUSTED, clock.instant()) == 1;
    }

    private int moveBySystem(CampaignRepository.Due due, CampaignStatus from, CampaignAction action, Instant now) {
        if (!campaigns.changeStatus(due.businessId(), due.campaignId(), from, action.to(), null, now)) {
            return 0;
        }
        history.record(due.campaignId(), now, null, action, from, action.to());
        events.publishEvent(new CampaignStatusChanged(due.businessId(), due.campaignId(), from, action.to(), action, null));
        return 1;
    }

    private void move(long businessId, Campaign current, CampaignAction action, long actorId) {
        Instant now = clock.instant();
        if (!campaigns.changeStatus(businessId, current.id(), current.status(), action.to(), null, now)) {
            Campaign moved = get(businessId, current.id());
            throw new ConflictException("campaign.transition.refused",
                    new Object[] {label(action), label(moved.status())}, Map.of("currentStatus", moved.status()));
        }
        history.record(current.id(), now, actorId, action, current.status(), action.to());
        events.publishEvent(new CampaignStatusChanged(businessId, current.id(), current.status(), action.to(), action,
                actorId));
    }

    private void checkReadyForApproval(Campaign campaign) {
        CampaignDefinition s = campaign.settings();
        if (s.dialMode().usesAgents() && s.agentIds().isEmpty() && s.agentGroupIds().isEmpty()) {
            throw new ConflictException("campaign.approve.no-agents", new Object[] {campaign.name()},
                    Map.of("currentStatus", campaign.status()));
        }
        refuseAfterEnd(campaign);
    }

    private void refuseAfterEnd(Campaign campaign) {
        if (!clock.instant().isBefore(campaign.settings().endTime().toInstant())) {
            throw new ConflictException("campaign.end-time-passed", new Object[] {campaign.name()},
                    Map.of("currentStatus", campaign.status()));
        }
    }

    private void refuseTakenName(long businessId, String name, Long exceptId) {
        if (campaigns.nameTaken(businessId, name, exceptId)) {
            throw new ConflictException("campaign.name.taken", name);
        }
    }

    private static boolean sameDialing(CampaignDefinition before, CampaignDefinition after) {
        return before.dialingRules().equals(after.dialingRules());
    }

    /** A status or action as its label in the reader's language, when the message is resolved. */
    private static MessageSourceResolvable label(CampaignStatus status) {
        return new DefaultMessageSourceResolvable(new String[] {"campaign-status." + status.name()}, status.name());
    }

    private static MessageSourceResolvable label(CampaignAction action) {
        return new DefaultMessageSourceResolvable(new String[] {"campaign-action." + action.name()}, action.name());
    }
}
