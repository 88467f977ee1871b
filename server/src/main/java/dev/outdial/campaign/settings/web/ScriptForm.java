package dev.outdial.campaign.settings.web;

import dev.outdial.campaign.settings.QuestionType;
import dev.outdial.campaign.settings.Script;
import dev.outdial.campaign.settings.ScriptDraft;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.util.MultiValueMap;

/**
 * The question editor's fields. Each question is a run of repeated inputs ({@code qid},
 * {@code qtext}, {@code qtype}, {@code qrequired}, {@code qoptions}) that always submit together,
 * so questions are read back in the order the page shows them after moves and removals; options
 * are typed one per line.
 */
record ScriptForm(String name, boolean isDefault, List<QuestionFields> questions) {

    record QuestionFields(String id, String text, QuestionType type, boolean required, String options) {

        static QuestionFields blank() {
            return new QuestionFields("", "", QuestionType.TEXT, false, "");
        }
    }

    static ScriptForm empty() {
        return new ScriptForm("", false, List.of(QuestionFields.blank()));
    }

    static ScriptForm of(Script script) {
        return new ScriptForm(script.name(), script.isDefault(), script.questions().stream()
                .map(q -> new QuestionFields(q.id(), q.text(), q.type(), q.required(), String.join("\n", q.options())))
                .toList());
    }

    static ScriptForm read(MultiValueMap<String, String> fields) {
        List<String> texts = fields.getOrDefault("qtext", List.of());
        List<QuestionFields> questions = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            questions.add(new QuestionFields(at(fields, "qid", i), texts.get(i), type(at(fields, "qtype", i)),
                    Boolean.parseBoolean(at(fields, "qrequired", i)), at(fields, "qoptions", i)));
        }
        return new ScriptForm(fields.getFirst("name"), Boolean.parseBoolean(fields.getFirst("isDefault")), questions);
    }

    /** A box left unticked means "leave the default where it is": only another script can take it over. */
    ScriptDraft draft() {
        return new ScriptDraft(name, isDefault ? Boolean.TRUE : null, questions.stream()
                .map(q -> new ScriptDraft.QuestionDraft(q.id(), q.text(), q.type(), q.required(),
                        Arrays.asList(q.options().split("\\R"))))
                .toList());
    }

    private static String at(MultiValueMap<String, String> fields, String name, int index) {
        List<String> values = fields.getOrDefault(name, List.of());
        return index < values.size() ? values.get(index) : "";
    }

    private static QuestionType type(String typed) {
        return Arrays.stream(QuestionType.values()).filter(type -> type.name().equals(typed)).findFirst().orElse(null);
    }
}
