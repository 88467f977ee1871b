package dev.outdial.campaign.settings.web;

import dev.outdial.campaign.settings.HotlineDraft;
import dev.outdial.campaign.settings.HotlineGroup;
import dev.outdial.campaign.settings.Hotlines;
import dev.outdial.campaign.settings.TrunkHealth;
import dev.outdial.shared.CurrentUser;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's hotlines page: the list with failures, a form to add one, enable/disable and delete;
 * with real calls, the carrier trunk's health above it.
 */
@Controller
@RequestMapping("/settings/hotlines")
class HotlinePages {

    private static final String PAGE = "/settings/hotlines";

    private final Hotlines hotlines;
    private final Forms forms;
    private final TrunkHealth trunk;

    HotlinePages(Hotlines hotlines, Forms forms, TrunkHealth trunk) {
        this.hotlines = hotlines;
        this.forms = forms;
        this.trunk = trunk;
    }

    @GetMapping
    String page(@AuthenticationPrincipal CurrentUser me, Model model) {
        model.addAttribute("hotlines", hotlines.list(me.businessId()));
        trunk.report().ifPresent(report -> model.addAttribute("trunk", report));
        trunk.registration().ifPresent(registration -> model.addAttribute("registration", registration));
        trunk.certificate().ifPresent(certificate -> model.addAttribute("certificate", certificate));
        model.addAttribute("answersByTrunk", trunk.recentAnswers(me.businessId()).stream().collect(
                Collectors.groupingBy(TrunkHealth.AnswerCount::trunk, LinkedHashMap::new, Collectors.toList())));
        model.addAttribute("groups", hotlines.groups(me.businessId()).stream().map(HotlineGroup::name).toList());
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", new HotlineDraft("", "", "", true));
        }
        return "settings/hotlines";
    }

    @PostMapping
    String create(@AuthenticationPrincipal CurrentUser me, @RequestParam String number, @RequestParam String name,
                  @RequestParam(required = false) String group, Model model, RedirectAttributes redirect) {
        HotlineDraft draft = new HotlineDraft(number, name, group, true);
        return forms.submit(() -> forms.text("hotlines.created", hotlines.create(me.businessId(), draft).number()),
                PAGE, redirect, model, () -> page(me, model.addAttribute("draft", draft)));
    }

    @PostMapping("/{id}/enabled")
    String setEnabled(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestParam boolean enabled,
                      RedirectAttributes redirect) {
        return forms.act(() -> forms.text("hotlines.saved",
                hotlines.update(me.businessId(), id, new HotlineDraft(null, null, null, enabled)).number()), PAGE, redirect);
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        return forms.act(() -> {
            hotlines.delete(me.businessId(), id);
            return forms.text("hotlines.deleted");
        }, PAGE, redirect);
    }
}
