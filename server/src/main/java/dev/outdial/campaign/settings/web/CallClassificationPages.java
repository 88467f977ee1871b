package dev.outdial.campaign.settings.web;

import dev.outdial.campaign.settings.CallClassificationDraft;
import dev.outdial.campaign.settings.CallClassifications;
import dev.outdial.shared.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's call classifications page: rename any, add and delete their own. */
@Controller
@RequestMapping("/settings/call-classifications")
class CallClassificationPages {

    private static final String PAGE = "/settings/call-classifications";

    private final CallClassifications classifications;
    private final Forms forms;

    CallClassificationPages(CallClassifications classifications, Forms forms) {
        this.classifications = classifications;
        this.forms = forms;
    }

    @GetMapping
    String page(@AuthenticationPrincipal CurrentUser me, Model model) {
        model.addAttribute("classifications", classifications.list(me.businessId()));
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", new CallClassificationDraft("", true, ""));
        }
        return "settings/call-classifications";
    }

    @PostMapping
    String create(@AuthenticationPrincipal CurrentUser me, @RequestParam String name, @RequestParam boolean reached,
                  @RequestParam(required = false) String code, Model model, RedirectAttributes redirect) {
        CallClassificationDraft draft = new CallClassificationDraft(name, reached, code);
        return forms.submit(() -> forms.text("classifications.created", classifications.create(me.businessId(), draft).name()),
                PAGE, redirect, model, () -> page(me, model.addAttribute("draft", draft)));
    }

    @PostMapping("/{id}")
    String rename(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestParam String name,
                  RedirectAttributes redirect) {
        return forms.act(() -> forms.text("classifications.saved",
                classifications.update(me.businessId(), id, new CallClassificationDraft(name, null, null)).name()),
                PAGE, redirect);
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        return forms.act(() -> {
            classifications.delete(me.businessId(), id);
            return forms.text("classifications.deleted");
        }, PAGE, redirect);
    }
}
