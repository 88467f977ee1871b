package dev.outdial.ticket;

import dev.outdial.campaign.Campaign;
import dev.outdial.campaign.CampaignStatus;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.Names;
import dev.outdial.shared.NotFoundException;
import dev.outdial.shared.Violations;
import dev.outdial.ticket.internal.AutoCallbackCampaigns;
import dev.outdial.ticket.internal.CampaignLocks;
import dev.outdial.ticket.internal.TriggerRepository;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The business's triggers, checked with a field path per broken rule ({@code conditions[1].value}). */
@Service
public class Triggers {

    private final TriggerRepository triggers;
    private final AutoCallbackCampaigns campaigns;
    private final CampaignLocks locks;
    private final Clock clock;

    Triggers(TriggerRepository triggers, AutoCallbackCampaigns campaigns, CampaignLocks locks, Clock clock) {
        this.triggers = triggers;
        this.campaigns = campaigns;
        this.locks = locks;
        this.clock = clock;
    }

    @Transactional
    public Trigger create(long businessId, TriggerDraft draft) {
        Trigger valid = validate(businessId, draft, null);
        long id = triggers.insert(businessId, valid, clock.instant());
        prepareLocks(valid);
        return get(businessId, id);
    }

    @Transactional
    public Trigger update(long businessId, long id, TriggerDraft draft) {
        get(businessId, id);
        Trigger valid = validate(businessId, draft, id);
        triggers.update(businessId, id, valid, clock.instant());
        prepareLocks(valid);
        return get(businessId, id);
    }

    @Transactional(readOnly = true)
    public Trigger get(long businessId, long id) {
        return triggers.find(businessId, id).orElseThrow(() -> new NotFoundException("trigger", id));
    }

    @Transactional(readOnly = true)
    public List<Trigger> list(long businessId) {
        return triggers.list(businessId);
    }

    @Transactional
    public void delete(long businessId, long id) {
        get(businessId, id);
        triggers.delete(businessId, id);
    }

    /** The lock rows exist before any ticket needs them (see V101). */
    private void prepareLocks(Trigger trigger) {
        trigger.actions().forEach(action -> locks.prepare(action.campaignId()));
    }

    private Trigger validate(long businessId, TriggerDraft draft, Long exceptId) {
        Violations violations = new Violations();
        String name = Names.check(draft.name(), violations);
        violations.check(draft.match() != null, "match", "validation.required");
        List<Trigger.Condition> conditions = Objects.requireNonNullElse(draft.conditions(), List.of());
        List<Trigger.Action> actions = Objects.requireNonNullElse(draft.actions(), List.of());
        // Without conditions a trigger would run on every event; without actions it would do nothing.
        violations.check(!conditions.isEmpty(), "conditions", "trigger.conditions.empty");
        violations.check(!actions.isEmpty(), "actions", "trigger.actions.empty");
        for (int i = 0; i < conditions.size(); i++) {
            checkCondition(conditions.get(i), "conditions[" + i + "].", violations);
        }
        for (int i = 0; i < actions.size(); i++) {
            checkAction(businessId, actions.get(i), "actions[" + i + "].", violations);
        }
        violations.throwIfAny();
        if (triggers.nameTaken(businessId, name, exceptId)) {
            throw new ConflictException("trigger.name.taken", name);
        }
        return new Trigger(exceptId == null ? 0 : exceptId, name, !Boolean.FALSE.equals(draft.enabled()),
                draft.match(), conditions, actions, null, null);
    }

    private static void checkCondition(Trigger.Condition condition, String path, Violations violations) {
        if (condition == null) {
            violations.add(path.substring(0, path.length() - 1), "validation.required");
            return;
        }
        violations.check(condition.operator() != null, path + "operator", "validation.required");
        if (violations.check(condition.field() != null, path + "field", "validation.required")) {
            List<String> allowed = condition.field().allowedValues();
            violations.check(allowed.contains(condition.value()), path + "value", "validation.not-one-of",
                    condition.value(), allowed);
        }
    }

    private void checkAction(long businessId, Trigger.Action action, String path, Violations violations) {
        if (action == null) {
            violations.add(path.substring(0, path.length() - 1), "validation.required");
            return;
        }
        violations.check(action.type() != null, path + "type", "validation.required");
        if (!violations.check(action.campaignId() != null, path + "campaignId", "validation.required")) {
            return;
        }
        Optional<Campaign> campaign = campaigns.find(businessId, action.campaignId());
        if (violations.check(campaign.isPresent(), path + "campaignId", "trigger.campaign.not-auto-callback",
                action.campaignId())) {
            violations.check(campaign.get().status() != CampaignStatus.ENDED, path + "campaignId",
                    "trigger.campaign.ended", campaign.get().name());
        }
    }
}
