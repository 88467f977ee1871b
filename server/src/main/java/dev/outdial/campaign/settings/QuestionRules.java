package dev.outdial.campaign.settings;

import dev.outdial.shared.FieldViolation;
import dev.outdial.shared.Violations;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** What makes a script's questions well formed, and what makes a call's answers fit them. */
final class QuestionRules {

    static final int MAX_QUESTIONS = 100;
    static final int MAX_TEXT = 500;
    static final int MAX_OPTION = 200;
    static final int MAX_ANSWER = 2000;
    /** Ids travel as JSON keys of the answers and in exports: plain, short, case-sensitive. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private QuestionRules() {
    }

    /**
     * The questions as stored: text and options stripped, blank options dropped, every question
     * with an id. {@code null} after recording what is wrong under {@code questions[i].<field>}.
     */
    static List<Question> check(List<ScriptDraft.QuestionDraft> typed, Violations violations) {
        List<ScriptDraft.QuestionDraft> questions = typed == null ? List.of() : typed;
        if (!violations.check(!questions.isEmpty(), "questions", "script.questions.empty")
                || !violations.check(questions.size() <= MAX_QUESTIONS, "questions", "script.questions.too-many",
                MAX_QUESTIONS)) {
            return null;
        }
        List<Question> checked = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        boolean valid = true;
        for (int i = 0; i < questions.size(); i++) {
            Question question = checkOne(questions.get(i), "questions[" + i + "].", ids, violations);
            valid &= question != null;
            checked.add(question);
        }
        return valid ? withIds(checked, ids) : null;
    }

    private static Question checkOne(ScriptDraft.QuestionDraft typed, String at, Set<String> ids, Violations violations) {
        if (!violations.check(typed != null, at.substring(0, at.length() - 1), "validation.required")) {
            return null;
        }
        String text = typed.text() == null ? "" : typed.text().strip();
        boolean valid = violations.check(!text.isEmpty(), at + "text", "validation.required")
                && violations.check(text.length() <= MAX_TEXT, at + "text", "validation.too-long", MAX_TEXT);
        valid &= violations.check(typed.type() != null, at + "type", "validation.required");
        String id = typed.id() == null || typed.id().isBlank() ? null : typed.id().strip();
        if (id != null) {
            valid &= violations.check(ID.matcher(id).matches(), at + "id", "script.question-id.invalid", id)
                    && violations.check(ids.add(id), at + "id", "script.question-id.duplicate", id);
        }
        List<String> options = options(typed.options(), typed.type(), at + "options", violations);
        boolean required = Boolean.TRUE.equals(typed.required());
        return valid && options != null ? new Question(id, text, typed.type(), required, options) : null;
    }

    private static List<String> options(List<String> typed, QuestionType type, String field, Violations violations) {
        Set<String> options = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        boolean valid = true;
        for (String option : typed == null ? List.<String>of() : typed) {
            String stripped = option == null ? "" : option.strip();
            if (stripped.isEmpty()) {
                continue;
            }
            boolean distinct = seen.add(stripped.toLowerCase(Locale.ROOT));
            valid &= violations.check(distinct, field, "script.options.duplicate", stripped)
                    & violations.check(stripped.length() <= MAX_OPTION, field, "validation.too-long", MAX_OPTION);
            if (distinct) {
                options.add(stripped);
            }
        }
        if (type != null && type.isChoice()) {
            valid &= violations.check(options.size() >= 2, field, "script.options.too-few");
        } else if (type != null) {
            valid &= violations.check(options.isEmpty(), field, "script.options.not-allowed", type.name());
        }
        return valid ? List.copyOf(options) : null;
    }

    /** Gives each question without an id the first free one of q1, q2, ... */
    private static List<Question> withIds(List<Question> questions, Set<String> taken) {
        List<Question> complete = new ArrayList<>();
        int next = 1;
        for (Question question : questions) {
            if (question.id() != null) {
                complete.add(question);
                continue;
            }
            while (taken.contains("q" + next)) {
                next++;
            }
            String id = "q" + next;
            taken.add(id);
            complete.add(new Question(id, question.text(), question.type(), question.required(), question.options()));
        }
        return List.copyOf(complete);
    }

    /** Every required question answered, every answer of its question's type and among its options. */
    static List<FieldViolation> answers(Script script, Map<String, Object> answers) {
        Map<String, Object> given = answers == null ? Map.of() : answers;
        List<FieldViolation> violations = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (Question question : script.questions()) {
            known.add(question.id());
            String field = "answers." + question.id();
            Object answer = given.get(question.id());
            if (isBlank(answer)) {
                if (question.required()) {
                    violations.add(new FieldViolation(field, "validation.required"));
                }
            } else {
                String broken = brokenRule(question, answer);
                if (broken != null) {
                    violations.add(new FieldViolation(field, broken, question.options().toString()));
                }
            }
        }
        given.keySet().stream().filter(id -> !known.contains(id))
                .forEach(id -> violations.add(new FieldViolation("answers." + id, "script.answer.unknown-question")));
        return violations;
    }

    private static boolean isBlank(Object answer) {
        return answer == null || answer instanceof String text && text.isBlank()
                || answer instanceof Collection<?> many && many.isEmpty();
    }

    /** The message key of the rule the answer breaks, or {@code null} when it fits the question. */
    private static String brokenRule(Question question, Object answer) {
        return switch (question.type()) {
            case TEXT -> answer instanceof String text && text.length() <= MAX_ANSWER ? null : "script.answer.not-text";
            case NUMBER -> isNumber(answer) ? null : "script.answer.not-a-number";
            case DATE -> isDate(answer) ? null : "script.answer.not-a-date";
            case SINGLE_CHOICE -> question.options().contains(answer) ? null : "script.answer.not-an-option";
            case MULTIPLE_CHOICE -> answer instanceof Collection<?> chosen && areDistinctOptions(question, chosen)
                    ? null : "script.answer.not-options";
        };
    }

    private static boolean areDistinctOptions(Question question, Collection<?> chosen) {
        return chosen.stream().allMatch(option -> option instanceof String && question.options().contains(option))
                && new HashSet<>(chosen).size() == chosen.size();
    }

    private static boolean isNumber(Object answer) {
        if (answer instanceof Number) {
            return true;
        }
        if (!(answer instanceof String text)) {
            return false;
        }
        try {
            new BigDecimal(text.strip());
            return true;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    private static boolean isDate(Object answer) {
        if (!(answer instanceof String text)) {
            return false;
        }
        try {
            LocalDate.parse(text.strip());
            return true;
        } catch (DateTimeException notADate) {
            return false;
        }
    }
}
