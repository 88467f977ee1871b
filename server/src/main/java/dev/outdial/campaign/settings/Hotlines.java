package dev.outdial.campaign.settings;

import dev.outdial.shared.Names;
import dev.outdial.business.Businesses;
import dev.outdial.campaign.settings.internal.HotlineRepository;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.NotFoundException;
import dev.outdial.shared.PhoneNumbers;
import dev.outdial.shared.Violations;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The business's hotlines and hotline groups. */
@Service
public class Hotlines {

    /** A provider's reason is kept for the admin to read, not as a log: a line is enough. */
    static final int MAX_REASON_LENGTH = 200;

    private final HotlineRepository hotlines;
    private final Businesses businesses;
    private final UsageGuard usage;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Hotlines(HotlineRepository hotlines, Businesses businesses, UsageGuard usage, Clock clock,
             ApplicationEventPublisher events) {
        this.hotlines = hotlines;
        this.businesses = businesses;
        this.usage = usage;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Hotline create(long businessId, HotlineDraft draft) {
        HotlineDraft complete = new HotlineDraft(draft.number(), draft.name(), draft.group(),
                draft.enabled() == null || draft.enabled());
        Valid valid = validate(businessId, complete, null);
        long id = hotlines.insert(businessId, valid.number(), valid.name(), groupId(businessId, valid.group()),
                valid.enabled(), clock.instant());
        events.publishEvent(new HotlinesChanged(businessId));
        return get(businessId, id);
    }

    /** Saves the changes; running campaigns that call from the hotline, its group or all call as it is now. */
    @Transactional
    public Hotline update(long businessId, long id, HotlineDraft changes) {
        Hotline current = get(businessId, id);
        HotlineDraft merged = new HotlineDraft(
                Objects.requireNonNullElse(changes.number(), current.number()),
                Objects.requireNonNullElse(changes.name(), current.name()),
                changes.group() == null ? current.group() : changes.group(),
                Objects.requireNonNullElse(changes.enabled(), current.enabled()));
        Valid valid = validate(businessId, merged, id);
        if (!valid.number().equals(current.number())) {
            hotlines.rememberFormerNumber(businessId, id, current.number(), clock.instant());
        }
        hotlines.update(businessId, id, valid.number(), valid.name(), groupId(businessId, valid.group()),
                valid.enabled());
        events.publishEvent(new HotlinesChanged(businessId));
        return get(businessId, id);
    }

    @Transactional(readOnly = true)
    public Hotline get(long businessId, long id) {
        return hotlines.find(businessId, id).orElseThrow(() -> new NotFoundException("hotline", id));
    }

    @Transactional(readOnly = true)
    public List<Hotline> list(long businessId) {
        return hotlines.list(businessId);
    }

    @Transactional
    public void delete(long businessId, long id) {
        get(businessId, id);
        usage.refuseDeletionInUse(businessId, SettingKind.HOTLINE, id);
        hotlines.delete(businessId, id);
        events.publishEvent(new HotlinesChanged(businessId));
    }

    /** The ids among {@code ids} that are not hotlines of this business. */
    @Transactional(readOnly = true)
    public Set<Long> unknownHotlines(long businessId, Collection<Long> ids) {
        Set<Long> missing = new LinkedHashSet<>(ids);
        hotlines.existing(businessId, Set.copyOf(ids)).forEach(missing::remove);
        return missing;
    }

    @Transactional(readOnly = true)
    public List<HotlineGroup> groups(long businessId) {
        return hotlines.groups(businessId);
    }

    @Transactional(readOnly = true)
    public Optional<HotlineGroup> group(long businessId, long groupId) {
        return hotlines.group(businessId, groupId);
    }

    /** The hotline a call made under {@code number} at {@code at} went out on, even if it has been renumbered since. */
    @Transactional(readOnly = true)
    public Optional<Long> calledFrom(long businessId, String number, Instant at) {
        return hotlines.calledFrom(businessId, number, at);
    }

    /** The dialer reports a provider's failure of this hotline (SPEC §2: failures are recorded per hotline). */
    @Transactional
    public void recordFailure(long businessId, long hotlineId, String reason, Instant when) {
        String line = reason == null ? null : reason.strip();
        if (line != null && line.length() > MAX_REASON_LENGTH) {
            line = line.substring(0, MAX_REASON_LENGTH);
        }
        if (!hotlines.recordFailure(businessId, hotlineId, line, when)) {
            throw new NotFoundException("hotline", hotlineId);
        }
    }

    private record Valid(String number, String name, String group, boolean enabled) {
    }

    private Valid validate(long businessId, HotlineDraft draft, Long exceptId) {
        Violations violations = new Violations();
        String country = businesses.get(businessId).defaultCountry();
        String number = PhoneNumbers.toE164(draft.number(), country, "number", violations);
        String name = Names.check(draft.name(), violations);
        String group = draft.group() == null || draft.group().isBlank() ? null : draft.group().strip();
        violations.check(group == null || group.length() <= Names.MAX_LENGTH, "group", "validation.too-long",
                Names.MAX_LENGTH);
        violations.throwIfAny();
        if (hotlines.numberTaken(businessId, number, exceptId)) {
            throw new ConflictException("hotline.number.taken", number);
        }
        return new Valid(number, name, group, draft.enabled());
    }

    /** A group is a name the admin types: the first hotline to name it creates it. */
    private Long groupId(long businessId, String group) {
        if (group == null) {
            return null;
        }
        return hotlines.groupId(businessId, group).orElseGet(() -> hotlines.insertGroup(businessId, group, clock.instant()));
    }
}
