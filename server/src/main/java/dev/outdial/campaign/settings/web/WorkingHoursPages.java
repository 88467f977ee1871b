package dev.outdial.campaign.settings.web;

import dev.outdial.campaign.settings.WorkingHours;
import dev.outdial.campaign.settings.WorkingHoursDraft;
import dev.outdial.campaign.settings.WorkingHoursSchedules;
import dev.outdial.shared.CurrentUser;
import java.time.DayOfWeek;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's working-hours page: the schedules, and a weekly grid editor for a new one or the one
 * chosen ({@code ?id=}). htmx fetches an empty range or holiday row to add one.
 */
@Controller
@RequestMapping("/settings/working-hours")
class WorkingHoursPages {

    private static final String PAGE = "/settings/working-hours";

    private final WorkingHoursSchedules schedules;
    private final Forms forms;

    WorkingHoursPages(WorkingHoursSchedules schedules, Forms forms) {
        this.schedules = schedules;
        this.forms = forms;
    }

    @GetMapping
    String page(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) Long id, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", id == null ? WorkingHoursForm.empty()
                    : WorkingHoursForm.of(schedules.get(me.businessId(), id)));
        }
        model.addAttribute("editing", id);
        model.addAttribute("schedules", schedules.list(me.businessId()));
        model.addAttribute("days", List.of(DayOfWeek.values()));
        return "settings/working-hours";
    }

    /** Creates a new one, or changes the one in the path. */
    @PostMapping({"", "/{id}"})
    String save(@AuthenticationPrincipal CurrentUser me, @PathVariable(required = false) Long id,
                @RequestParam MultiValueMap<String, String> fields, Model model, RedirectAttributes redirect) {
        WorkingHoursForm form = WorkingHoursForm.read(fields);
        return forms.submit(() -> store(me.businessId(), id, form.draft()), id == null ? PAGE : PAGE + "?id=" + id,
                redirect, model, () -> page(me, id, model.addAttribute("form", form)));
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        return forms.act(() -> {
            schedules.delete(me.businessId(), id);
            return forms.text("working-hours.deleted");
        }, PAGE, redirect);
    }

    /** An empty range row for a day, added by htmx. */
    @GetMapping("/range")
    String range(@RequestParam DayOfWeek day, Model model) {
        model.addAttribute("day", day);
        return "settings/working-hours :: range(day=${day}, from='', to='')";
    }

    /** An empty holiday row, added by htmx. */
    @GetMapping("/holiday")
    String holiday() {
        return "settings/working-hours :: holiday(date='')";
    }

    private String store(long businessId, Long id, WorkingHoursDraft draft) {
        WorkingHours saved = id == null ? schedules.create(businessId, draft) : schedules.update(businessId, id, draft);
        return forms.text("working-hours.saved", saved.name());
    }
}
