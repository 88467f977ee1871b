package dev.outdial.campaign.settings.web;

import dev.outdial.campaign.settings.WorkingHours;
import dev.outdial.campaign.settings.WorkingHoursDraft;
import dev.outdial.campaign.settings.WorkingHoursSchedules;
import dev.outdial.shared.CurrentUser;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Working-hours schedules: admins manage them, supervisors may look. */
@RestController
@RequestMapping("/api/v1/working-hours")
class WorkingHoursController {

    private final WorkingHoursSchedules schedules;

    WorkingHoursController(WorkingHoursSchedules schedules) {
        this.schedules = schedules;
    }

    /** The JSON shape: the week as typed ({@code MONDAY: [["08:00","12:00"]]}) and ISO holiday dates. */
    record WorkingHoursJson(long id, String name, Map<DayOfWeek, List<List<String>>> week, List<LocalDate> holidays) {

        static WorkingHoursJson of(WorkingHours schedule) {
            return new WorkingHoursJson(schedule.id(), schedule.name(), schedule.hours().weekAsText(),
                    schedule.hours().holidays());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    WorkingHoursJson create(@AuthenticationPrincipal CurrentUser me, @RequestBody WorkingHoursDraft draft) {
        return WorkingHoursJson.of(schedules.create(me.businessId(), draft));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    List<WorkingHoursJson> list(@AuthenticationPrincipal CurrentUser me) {
        return schedules.list(me.businessId()).stream().map(WorkingHoursJson::of).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    WorkingHoursJson get(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return WorkingHoursJson.of(schedules.get(me.businessId(), id));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    WorkingHoursJson update(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
                            @RequestBody WorkingHoursDraft draft) {
        return WorkingHoursJson.of(schedules.update(me.businessId(), id, draft));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    void delete(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        schedules.delete(me.businessId(), id);
    }
}
