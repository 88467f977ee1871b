package dev.outdial.ivr.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.outdial.engine.ivr.IvrNode;
import dev.outdial.ivr.Ivr;
import dev.outdial.ivr.IvrDraft;
import dev.outdial.ivr.Ivrs;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.CurrentUser;
import dev.outdial.shared.InvalidInputException;
import dev.outdial.web.PageMessages;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin's IVR editor (Settings → IVRs): the business's IVRs, and for a new one or the one chosen
 * ({@code ?id=}) its name and its tree as the API's JSON, checked by the same rules as the API; a
 * saved IVR is shown as a tree (node → keys → actions, targets as links) beside the editor.
 */
@Controller
@RequestMapping("/settings/ivrs")
class IvrPages {

    private static final String PAGE = "/settings/ivrs";

    /** The tree part of an IVR as the editor's text area holds it. */
    record TreeText(String root, List<IvrNode> nodes) {
    }

    /** What the admin typed. */
    record IvrForm(String name, String tree) {
    }

    private final Ivrs ivrs;
    private final PageMessages messages;
    private final JsonMapper json;
    private final JsonMapper pretty;

    IvrPages(Ivrs ivrs, PageMessages messages, JsonMapper json) {
        this.ivrs = ivrs;
        this.messages = messages;
        this.json = json;
        // Only what the admin set, indented: the text area reads like the API's JSON.
        this.pretty = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT)
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
                .build();
    }

    @GetMapping
    String page(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) Long id, Model model) {
        Ivr shown = id == null ? null : ivrs.get(me.businessId(), id);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", shown == null ? new IvrForm("", pretty.writeValueAsString(example()))
                    : new IvrForm(shown.name(), pretty.writeValueAsString(new TreeText(shown.root(), shown.nodes()))));
        }
        model.addAttribute("editing", id);
        model.addAttribute("shown", shown);
        model.addAttribute("ivrs", ivrs.list(me.businessId()));
        return "settings/ivrs";
    }

    /** Creates a new one, or changes the one in the path; what was typed stays on the page with the reasons. */
    @PostMapping({"", "/{id}"})
    String save(@AuthenticationPrincipal CurrentUser me, @PathVariable(required = false) Long id,
                @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String tree, Model model,
                RedirectAttributes redirect) {
        IvrForm form = new IvrForm(name, tree);
        try {
            TreeText parsed = json.readValue(tree, TreeText.class);
            IvrDraft draft = new IvrDraft(name, parsed.root(), parsed.nodes());
            Ivr saved = id == null ? ivrs.create(me.businessId(), draft) : ivrs.update(me.businessId(), id, draft);
            redirect.addFlashAttribute("notice", messages.text("ivrs.saved", saved.name()));
            return "redirect:" + PAGE + "?id=" + saved.id();
        } catch (JacksonException unreadable) {
            model.addAttribute("errors", List.of(messages.text("ivrs.json-invalid", unreadable.getOriginalMessage())));
        } catch (InvalidInputException | ConflictException rejected) {
            model.addAttribute("errors", messages.describe(rejected));
        }
        model.addAttribute("form", form);
        return page(me, id, model);
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        try {
            ivrs.delete(me.businessId(), id);
            redirect.addFlashAttribute("notice", messages.text("ivrs.deleted"));
        } catch (ConflictException rejected) {
            redirect.addFlashAttribute("errors", messages.describe(rejected));
        }
        return "redirect:" + PAGE;
    }

    /** A new IVR starts from a small tree to change, so the shape is there to see. */
    private TreeText example() {
        return json.readValue("""
                {"root": "n1", "nodes": [
                  {"id": "n1", "type": "COLLECT", "prompt": "Press 1 to confirm, 9 to stop these calls.",
                   "timeoutSeconds": 5, "retries": 1, "next": "n2",
                   "keys": {"1": {"action": "SET_RESULT", "target": "n2", "result": "INTERESTED"},
                            "9": {"action": "OPT_OUT"}}},
                  {"id": "n2", "type": "PLAY", "prompt": "Thank you. Goodbye."}]}
                """, TreeText.class);
    }
}
