package dev.outdial.ticket.web;

import dev.outdial.campaign.Campaign;
import dev.outdial.campaign.CampaignStatus;
import dev.outdial.campaign.Campaigns;
import dev.outdial.engine.customer.DialType;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.CurrentUser;
import dev.outdial.shared.InvalidInputException;
import dev.outdial.shared.NotFoundException;
import dev.outdial.ticket.Trigger;
import dev.outdial.ticket.TriggerDraft;
import dev.outdial.ticket.Triggers;
import dev.outdial.web.PageMessages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's triggers page (Settings): the triggers with their conditions and actions, a form for a
 * new one (the manual's "ticket is created", "channel is Callback", "add customer to campaign"),
 * editing one ({@code ?edit=id}: the same form, filled in), enable/disable and delete.
 */
@Controller
@RequestMapping("/settings/triggers")
class TriggerPages {

    private static final String PAGE = "/settings/triggers";
    /** Rows of conditions the form offers; empty rows are left out. */
    static final int CONDITION_ROWS = 3;

    private final Triggers triggers;
    private final Campaigns campaigns;
    private final PageMessages messages;

    TriggerPages(Triggers triggers, Campaigns campaigns, PageMessages messages) {
        this.triggers = triggers;
        this.campaigns = campaigns;
        this.messages = messages;
    }

    @GetMapping
    String page(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) Long edit, Model model) {
        if (edit != null) {
            Trigger editing = triggers.get(me.businessId(), edit);
            model.addAttribute("editing", editing);
            if (!model.containsAttribute("form")) {
                model.addAttribute("form", formOf(editing));
            }
        }
        return page(me, model);
    }

    private String page(CurrentUser me, Model model) {
        List<Campaign> callbackCampaigns = campaigns.list(me.businessId(), null, null, DialType.AUTO_CALLBACK);
        model.addAttribute("triggers", triggers.list(me.businessId()));
        model.addAttribute("campaigns", callbackCampaigns.stream().filter(c -> c.status() != CampaignStatus.ENDED).toList());
        model.addAttribute("campaignNames", callbackCampaigns.stream()
                .collect(Collectors.toMap(Campaign::id, Campaign::name)));
        model.addAttribute("fields", Trigger.Field.values());
        model.addAttribute("values", Arrays.stream(Trigger.Field.values())
                .flatMap(field -> field.allowedValues().stream()).distinct().toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        model.addAttribute("rows", rowsOf(model.getAttribute("form")));
        return "settings/triggers";
    }

    /**
     * Saves an edited trigger, keeping whether it is enabled and any further actions the form does not
     * show (a trigger made through the API may add customers to several campaigns); a rejected edit
     * shows the form again with what is wrong.
     */
    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
                  @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        Trigger editing = triggers.get(me.businessId(), id);
        try {
            TriggerDraft edited = draftOf(form, editing.enabled());
            List<Trigger.Action> actions = new ArrayList<>(edited.actions());
            if (editing.actions().size() > 1) {
                actions.addAll(editing.actions().subList(1, editing.actions().size()));
            }
            Trigger saved = triggers.update(me.businessId(), id, new TriggerDraft(edited.name(), edited.enabled(),
                    edited.match(), edited.conditions(), actions));
            redirect.addFlashAttribute("notice", messages.text("triggers.saved", saved.name()));
            return "redirect:" + PAGE;
        } catch (InvalidInputException | ConflictException rejected) {
            model.addAttribute("errors", messages.describe(rejected));
            model.addAttribute("editing", editing);
            model.addAttribute("form", form.toSingleValueMap());
            return page(me, model);
        }
    }

    @PostMapping
    String create(@AuthenticationPrincipal CurrentUser me, @RequestParam MultiValueMap<String, String> form, Model model,
                  RedirectAttributes redirect) {
        try {
            Trigger created = triggers.create(me.businessId(), draftOf(form, true));
            redirect.addFlashAttribute("notice", messages.text("triggers.created", created.name()));
            return "redirect:" + PAGE;
        } catch (InvalidInputException | ConflictException rejected) {
            model.addAttribute("errors", messages.describe(rejected));
            model.addAttribute("form", form.toSingleValueMap());
            return page(me, model);
        }
    }

    @PostMapping("/{id}/enabled")
    String setEnabled(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestParam boolean enabled,
                      RedirectAttributes redirect) {
        return act(redirect, () -> {
            Trigger trigger = triggers.get(me.businessId(), id);
            triggers.update(me.businessId(), id, new TriggerDraft(trigger.name(), enabled, trigger.match(),
                    trigger.conditions(), trigger.actions()));
            return messages.text("triggers.saved", trigger.name());
        });
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, () -> {
            triggers.delete(me.businessId(), id);
            return messages.text("triggers.deleted");
        });
    }

    private String act(RedirectAttributes redirect, java.util.function.Supplier<String> change) {
        try {
            redirect.addFlashAttribute("notice", change.get());
        } catch (InvalidInputException | ConflictException rejected) {
            redirect.addFlashAttribute("errors", messages.describe(rejected));
        }
        return "redirect:" + PAGE;
    }

    /** Another business's trigger looks like none at all. */
    @ExceptionHandler
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFoundException missing, Model model) {
        model.addAttribute("status", HttpStatus.NOT_FOUND.value());
        model.addAttribute("messageKey", "error.not-found");
        return "error";
    }

    /** A trigger as the form's fields, one condition row each, so that editing starts from what is saved. */
    static Map<String, String> formOf(Trigger trigger) {
        Map<String, String> form = new HashMap<>();
        form.put("name", trigger.name());
        form.put("match", trigger.match().name());
        for (int row = 0; row < trigger.conditions().size(); row++) {
            Trigger.Condition condition = trigger.conditions().get(row);
            form.put("field" + row, condition.field().name());
            form.put("operator" + row, condition.operator().name());
            form.put("value" + row, condition.value());
        }
        if (!trigger.actions().isEmpty()) {
            form.put("campaignId", String.valueOf(trigger.actions().getFirst().campaignId()));
        }
        return form;
    }

    /** At least {@link #CONDITION_ROWS} rows, more if a trigger (made through the API) has more conditions. */
    private static int rowsOf(Object form) {
        int rows = CONDITION_ROWS;
        if (form instanceof Map<?, ?> fields) {
            while (fields.containsKey("field" + rows)) {
                rows++;
            }
        }
        return rows;
    }

    /** The form as the API's draft: condition rows with a field, the one action's campaign. */
    static TriggerDraft draftOf(MultiValueMap<String, String> form, boolean enabled) {
        List<Trigger.Condition> conditions = new ArrayList<>();
        for (int row = 0; row < CONDITION_ROWS || form.containsKey("field" + row); row++) {
            String field = form.getFirst("field" + row);
            if (field == null || field.isBlank()) {
                continue;
            }
            conditions.add(new Trigger.Condition(Trigger.Field.valueOf(field),
                    Trigger.Operator.valueOf(form.getFirst("operator" + row)), form.getFirst("value" + row)));
        }
        String campaign = form.getFirst("campaignId");
        List<Trigger.Action> actions = campaign == null || campaign.isBlank() ? List.of()
                : List.of(new Trigger.Action(Trigger.ActionType.ADD_CUSTOMER_TO_CAMPAIGN, Long.valueOf(campaign)));
        String match = form.getFirst("match");
        return new TriggerDraft(form.getFirst("name"), enabled,
                match == null ? Trigger.Match.ALL : Trigger.Match.valueOf(match), conditions, actions);
    }
}
