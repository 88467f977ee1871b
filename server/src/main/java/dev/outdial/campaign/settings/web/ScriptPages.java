package dev.outdial.campaign.settings.web;

import dev.outdial.campaign.settings.QuestionType;
import dev.outdial.campaign.settings.Script;
import dev.outdial.campaign.settings.ScriptDraft;
import dev.outdial.campaign.settings.Scripts;
import dev.outdial.shared.CurrentUser;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's scripts page: the scripts, and a question editor for a new one or the one chosen
 * ({@code ?id=}); htmx fetches an empty question to add one.
 */
@Controller
@RequestMapping("/settings/scripts")
class ScriptPages {

    private static final String PAGE = "/settings/scripts";

    private final Scripts scripts;
    private final Forms forms;

    ScriptPages(Scripts scripts, Forms forms) {
        this.scripts = scripts;
        this.forms = forms;
    }

    @ModelAttribute("types")
    List<QuestionType> types() {
        return List.of(QuestionType.values());
    }

    @GetMapping
    String page(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) Long id, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", id == null ? ScriptForm.empty() : ScriptForm.of(scripts.get(me.businessId(), id)));
        }
        model.addAttribute("editing", id);
        model.addAttribute("scripts", scripts.list(me.businessId()));
        return "settings/scripts";
    }

    /** Creates a new one, or changes the one in the path. */
    @PostMapping({"", "/{id}"})
    String save(@AuthenticationPrincipal CurrentUser me, @PathVariable(required = false) Long id,
                @RequestParam MultiValueMap<String, String> fields, Model model, RedirectAttributes redirect) {
        ScriptForm form = ScriptForm.read(fields);
        return forms.submit(() -> store(me.businessId(), id, form.draft()), id == null ? PAGE : PAGE + "?id=" + id,
                redirect, model, () -> page(me, id, model.addAttribute("form", form)));
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        return forms.act(() -> {
            scripts.delete(me.businessId(), id);
            return forms.text("scripts.deleted");
        }, PAGE, redirect);
    }

    /** An empty question, added by htmx at the end of the editor. */
    @GetMapping("/question")
    String question(Model model) {
        model.addAttribute("question", ScriptForm.QuestionFields.blank());
        return "settings/scripts :: question(question=${question})";
    }

    private String store(long businessId, Long id, ScriptDraft draft) {
        Script saved = id == null ? scripts.create(businessId, draft) : scripts.update(businessId, id, draft);
        return forms.text("scripts.saved", saved.name());
    }
}
