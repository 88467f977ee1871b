package dev.outdial.ivr.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.outdial.campaign.settings.CallClassification;
import dev.outdial.campaign.settings.CallClassifications;
import dev.outdial.engine.ivr.IvrAction;
import dev.outdial.engine.ivr.IvrNode;
import dev.outdial.engine.ivr.IvrNodeType;
import dev.outdial.ivr.Ivr;
import dev.outdial.ivr.IvrDraft;
import dev.outdial.ivr.Ivrs;
import dev.outdial.ivr.SpokenPrompts;
import dev.outdial.media.AudioFile;
import dev.outdial.media.AudioFiles;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.CurrentUser;
import dev.outdial.shared.FieldViolation;
import dev.outdial.shared.InvalidInputException;
import dev.outdial.shared.Violations;
import dev.outdial.web.PageMessages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin's IVR editor (Settings → IVRs): the business's IVRs, and for a new one or the one chosen
 * ({@code ?id=}) a form of its nodes and keys, or the same tree as the API's JSON ({@code view=json},
 * "Advanced"); either converts to the other. Adding or removing a node or a key posts the form and
 * draws it again, so the editor needs no script. Saving checks the tree by the API's rules and puts
 * each reason next to its node and key. A saved IVR is shown as a tree beside the editor.
 */
@Controller
@RequestMapping("/settings/ivrs")
class IvrPages {

    private static final String PAGE = "/settings/ivrs";
    private static final List<String> DIGITS = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "*", "#");

    /** The tree part of an IVR as the JSON view holds it. */
    record TreeText(String root, List<IvrNode> nodes) {
    }

    /** What the admin is editing: the name, and the tree as a form or, in the JSON view, as text. */
    record IvrForm(String name, boolean asJson, String json, IvrTreeForm tree) {
    }

    private final Ivrs ivrs;
    private final AudioFiles audio;
    private final CallClassifications classifications;
    private final SpokenPrompts speech;
    private final PageMessages messages;
    private final JsonMapper json;
    private final JsonMapper pretty;

    IvrPages(Ivrs ivrs, AudioFiles audio, CallClassifications classifications, SpokenPrompts speech,
             PageMessages messages, JsonMapper json) {
        this.ivrs = ivrs;
        this.audio = audio;
        this.classifications = classifications;
        this.speech = speech;
        this.messages = messages;
        this.json = json;
        // Only what the admin set, indented: the text area reads like the API's JSON.
        this.pretty = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT)
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
                .build();
    }

    @GetMapping
    String page(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) Long id,
                @RequestParam(defaultValue = "form") String view, Model model) {
        Ivr shown = id == null ? null : ivrs.get(me.businessId(), id);
        IvrTreeForm tree = shown == null ? IvrTreeForm.start() : IvrTreeForm.of(shown.root(), shown.nodes());
        IvrForm form = new IvrForm(shown == null ? "" : shown.name(), "json".equals(view), jsonOf(tree), tree);
        return show(me, id, form, IvrFormErrors.none(), model);
    }

    /**
     * The editor's buttons, all posting the whole form ({@code op}): save, switch view, add or
     * remove a node ({@code remove-node:2}) or a key ({@code add-key:2}, {@code remove-key:2:0}).
     * Only saving stores anything; the rest draws the form again as changed.
     */
    @PostMapping({"", "/{id}"})
    String post(@AuthenticationPrincipal CurrentUser me, @PathVariable(required = false) Long id,
                @RequestParam MultiValueMap<String, String> fields, Model model, RedirectAttributes redirect) {
        String name = IvrTreeForm.first(fields, "name");
        String pressed = IvrTreeForm.first(fields, "op");
        String[] op = (pressed.isBlank() ? "save" : pressed).split(":");
        if ("json".equals(IvrTreeForm.first(fields, "view"))) {
            return fromJson(me, id, name, IvrTreeForm.first(fields, "tree"), op[0], model, redirect);
        }
        IvrTreeForm tree = IvrTreeForm.read(fields);
        IvrTreeForm changed = switch (op[0]) {
            case "add-node" -> tree.withNode();
            case "remove-node" -> tree.withoutNode(position(op, 1));
            case "add-key" -> tree.withKey(position(op, 1));
            case "remove-key" -> tree.withoutKey(position(op, 1), position(op, 2));
            default -> tree;
        };
        if ("json".equals(op[0])) {
            return show(me, id, new IvrForm(name, true, jsonOf(tree), tree), IvrFormErrors.none(), model);
        }
        if (!"save".equals(op[0])) {
            return show(me, id, new IvrForm(name, false, "", changed), IvrFormErrors.none(), model);
        }
        Violations problems = new Violations();
        List<IvrNode> nodes = tree.toNodes(problems);
        return save(me, id, new IvrForm(name, false, "", tree), nodes, problems, model, redirect);
    }

    private String fromJson(CurrentUser me, Long id, String name, String text, String op, Model model,
                            RedirectAttributes redirect) {
        TreeText parsed;
        try {
            parsed = json.readValue(text, TreeText.class);
        } catch (JacksonException unreadable) {
            IvrFormErrors unread = IvrFormErrors.of(List.of(messages.text("ivrs.json-invalid", unreadable.getOriginalMessage())));
            return show(me, id, new IvrForm(name, true, text, IvrTreeForm.start()), unread, model);
        }
        IvrTreeForm tree = IvrTreeForm.of(parsed.root(), parsed.nodes() == null ? List.of() : parsed.nodes());
        if ("form".equals(op)) {
            return show(me, id, new IvrForm(name, false, text, tree), IvrFormErrors.none(), model);
        }
        return save(me, id, new IvrForm(name, true, text, tree), parsed.nodes(), new Violations(), model, redirect);
    }

    /**
     * Stores the tree when every rule holds; otherwise the page again as typed, with what the form
     * itself could not read and every rule the tree breaks, each at its node and key.
     */
    private String save(CurrentUser me, Long id, IvrForm form, List<IvrNode> nodes, Violations problems, Model model,
                        RedirectAttributes redirect) {
        IvrDraft draft = new IvrDraft(form.name(), form.tree().root(), nodes);
        List<FieldViolation> found = new ArrayList<>(problems.list());
        List<String> general = new ArrayList<>();
        try {
            if (found.isEmpty()) {
                Ivr saved = id == null ? ivrs.create(me.businessId(), draft) : ivrs.update(me.businessId(), id, draft);
                redirect.addFlashAttribute("notice", messages.text("ivrs.saved", saved.name()));
                return "redirect:" + PAGE + "?id=" + saved.id() + (form.asJson() ? "&view=json" : "");
            }
            ivrs.validate(me.businessId(), draft, id);
        } catch (InvalidInputException invalid) {
            found.addAll(invalid.violations());
        } catch (ConflictException taken) {
            general.addAll(messages.describe(taken));
        }
        return show(me, id, form, IvrFormErrors.of(found, form.tree(), messages).after(general), model);
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

    private String show(CurrentUser me, Long id, IvrForm form, IvrFormErrors problems, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        if (!problems.summary().isEmpty()) {
            model.addAttribute("errors", problems.summary());
        }
        model.addAttribute("editing", id);
        model.addAttribute("shown", id == null ? null : ivrs.get(me.businessId(), id));
        model.addAttribute("ivrs", ivrs.list(me.businessId()));
        List<AudioFile> files = audio.list(me.businessId());
        model.addAttribute("audioFiles", files);
        model.addAttribute("audioNames", files.stream().collect(Collectors.toMap(file -> String.valueOf(file.id()),
                AudioFile::name)));
        List<CallClassification> results = classifications.list(me.businessId());
        model.addAttribute("classifications", results);
        model.addAttribute("classificationCodes", results.stream().map(CallClassification::code).toList());
        model.addAttribute("digits", DIGITS);
        model.addAttribute("types", IvrNodeType.values());
        model.addAttribute("actions", IvrAction.values());
        model.addAttribute("canSpeak", speech.canSpeak());
        model.addAttribute("removals", removals(form.tree()));
        return "settings/ivrs";
    }

    /** For each node something points at, the question asked before removing it, naming what points. */
    private Map<Integer, String> removals(IvrTreeForm tree) {
        Map<Integer, String> questions = new HashMap<>();
        String rootWords = messages.text("ivrs.the-root");
        String keyWord = messages.text("ivrs.key");
        String nextWord = messages.text("ivrs.next");
        for (int at = 0; at < tree.nodes().size(); at++) {
            List<String> from = tree.pointingAt(at, rootWords, keyWord, nextWord);
            if (!from.isEmpty()) {
                questions.put(at, messages.text("ivrs.remove-node.confirm", tree.nodes().get(at).id(), String.join(", ", from)));
            }
        }
        return questions;
    }

    private String jsonOf(IvrTreeForm tree) {
        String root = tree.root().isBlank() ? null : tree.root();
        return pretty.writeValueAsString(new TreeText(root, tree.toNodes(new Violations())));
    }

    private static int position(String[] op, int at) {
        try {
            return op.length > at ? Integer.parseInt(op[at]) : -1;
        } catch (NumberFormatException notAPosition) {
            return -1;
        }
    }
}
