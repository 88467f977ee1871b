package dev.outdial.campaign.settings;

import dev.outdial.shared.Names;
import dev.outdial.campaign.settings.internal.WorkingHoursRepository;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.NotFoundException;
import dev.outdial.shared.Violations;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The business's working-hours schedules. A change replaces the whole schedule. */
@Service
public class WorkingHoursSchedules {

    private final WorkingHoursRepository schedules;
    private final UsageGuard usage;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    WorkingHoursSchedules(WorkingHoursRepository schedules, UsageGuard usage, Clock clock,
                          ApplicationEventPublisher events) {
        this.schedules = schedules;
        this.usage = usage;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public WorkingHours create(long businessId, WorkingHoursDraft draft) {
        WorkingHours valid = validate(businessId, draft, null);
        long id = schedules.insert(businessId, valid.name(), valid.hours(), clock.instant());
        return get(businessId, id);
    }

    /** Replaces the schedule; campaigns running by it dial by the new hours from now on. */
    @Transactional
    public WorkingHours update(long businessId, long id, WorkingHoursDraft draft) {
        get(businessId, id);
        WorkingHours valid = validate(businessId, draft, id);
        schedules.update(businessId, id, valid.name(), valid.hours(), clock.instant());
        events.publishEvent(new WorkingHoursChanged(businessId, id));
        return get(businessId, id);
    }

    @Transactional(readOnly = true)
    public WorkingHours get(long businessId, long id) {
        return schedules.find(businessId, id).orElseThrow(() -> new NotFoundException("working-hours", id));
    }

    /** The schedule as it was from each save on, oldest first (issue 18: what a past call was judged by). */
    @Transactional(readOnly = true)
    public List<WorkingHoursVersion> history(long businessId, long id) {
        return schedules.history(businessId, id);
    }

    @Transactional(readOnly = true)
    public boolean exists(long businessId, long id) {
        return schedules.find(businessId, id).isPresent();
    }

    @Transactional(readOnly = true)
    public List<WorkingHours> list(long businessId) {
        return schedules.list(businessId);
    }

    @Transactional
    public void delete(long businessId, long id) {
        get(businessId, id);
        usage.refuseDeletionInUse(businessId, SettingKind.WORKING_HOURS, id);
        schedules.delete(businessId, id);
    }

    /** The schedule as it will be stored (its id not yet known), after every rule has held. */
    private WorkingHours validate(long businessId, WorkingHoursDraft draft, Long exceptId) {
        Violations violations = new Violations();
        String name = Names.check(draft.name(), violations);
        WeeklyHours hours = WeeklyHours.parse(draft.week(), draft.holidays(), violations);
        violations.throwIfAny();
        if (schedules.nameTaken(businessId, name, exceptId)) {
            throw new ConflictException("working-hours.name.taken", name);
        }
        return new WorkingHours(0, name, hours);
    }
}
