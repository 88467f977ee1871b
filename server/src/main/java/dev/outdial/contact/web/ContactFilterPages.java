package dev.outdial.contact.web;

import dev.outdial.contact.ContactFilterDraft;
import dev.outdial.contact.ContactFilters;
import dev.outdial.contact.FilterCondition;
import dev.outdial.contact.FilterMatch;
import dev.outdial.contact.FilterOperator;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.CurrentUser;
import dev.outdial.shared.InvalidInputException;
import dev.outdial.web.PageMessages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Advanced filters: the saved ones, and a condition builder whose count of matching contacts
 * updates as the admin types (htmx posts the form to the preview and swaps in the answer).
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class ContactFilterPages {

    static final int CONDITION_ROWS = 5;

    private final ContactFilters filters;
    private final PageMessages messages;

    ContactFilterPages(ContactFilters filters, PageMessages messages) {
        this.filters = filters;
        this.messages = messages;
    }

    @GetMapping("/contact-filters")
    String list(@AuthenticationPrincipal CurrentUser me, Model model) {
        model.addAttribute("filters", filters.list(me.businessId()));
        model.addAttribute("rows", CONDITION_ROWS);
        model.addAttribute("operators", FilterOperator.values());
        model.addAttribute("matches", FilterMatch.values());
        return "contacts/filters";
    }

    @PostMapping("/contact-filters")
    String create(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) String name,
                  @RequestParam FilterMatch match, @RequestParam(required = false) List<String> field,
                  @RequestParam(required = false) List<FilterOperator> operator,
                  @RequestParam(required = false) List<String> value, Model model, RedirectAttributes redirect) {
        try {
            filters.create(me.businessId(), draft(name, match, field, operator, value));
            redirect.addFlashAttribute("notice", messages.text("filters.created", name == null ? "" : name.strip()));
            return "redirect:/contact-filters";
        } catch (InvalidInputException | ConflictException rejected) {
            model.addAttribute("errors", messages.describe(rejected));
            return list(me, model);
        }
    }

    @PostMapping("/contact-filters/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        filters.delete(me.businessId(), id);
        redirect.addFlashAttribute("notice", messages.text("filters.deleted"));
        return "redirect:/contact-filters";
    }

    /** The live preview of the builder's conditions: a fragment htmx swaps into the page. */
    @PostMapping("/contact-filters/preview")
    String preview(@AuthenticationPrincipal CurrentUser me, @RequestParam FilterMatch match,
                   @RequestParam(required = false) List<String> field,
                   @RequestParam(required = false) List<FilterOperator> operator,
                   @RequestParam(required = false) List<String> value, Model model) {
        try {
            model.addAttribute("preview", filters.preview(me.businessId(), draft(null, match, field, operator, value)));
        } catch (InvalidInputException rejected) {
            model.addAttribute("errors", messages.describe(rejected));
        }
        return "contacts/filters :: preview";
    }

    @GetMapping("/contact-filters/{id}/preview")
    String savedPreview(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, Model model) {
        model.addAttribute("preview", filters.preview(me.businessId(), id));
        return "contacts/filters :: count";
    }

    /** Rows whose field is blank are the builder's spare rows; "is one of" takes comma-separated values. */
    private static ContactFilterDraft draft(String name, FilterMatch match, List<String> fields,
                                            List<FilterOperator> operators, List<String> values) {
        List<FilterCondition> conditions = new ArrayList<>();
        for (int i = 0; fields != null && i < fields.size(); i++) {
            if (fields.get(i).isBlank()) {
                continue;
            }
            FilterOperator operator = operators != null && i < operators.size() ? operators.get(i) : null;
            String typed = values != null && i < values.size() ? values.get(i) : "";
            Object value = operator == FilterOperator.IN
                    ? Arrays.stream(typed.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList()
                    : typed;
            conditions.add(new FilterCondition(fields.get(i).strip(), operator, value));
        }
        return new ContactFilterDraft(name, match, conditions);
    }
}
