package dev.outdial.dialing.web;

import dev.outdial.call.DispositionRequest;
import dev.outdial.campaign.settings.Question;
import dev.outdial.campaign.settings.QuestionType;
import dev.outdial.shared.InvalidInputException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * The workspace's disposition form as the API's {@link DispositionRequest}: the script's fields
 * are named {@code answers.<question id>}, a multiple choice sends one value per ticked option,
 * and the callback picker gives a local date-time read in the business's time zone.
 */
final class DispositionForm {

    static final String ANSWER_PREFIX = "answers.";

    private DispositionForm() {
    }

    /** Blank fields are no answer, so the script's own rules report a required question left empty. */
    static DispositionRequest read(MultiValueMap<String, String> form, List<Question> questions, ZoneId zone) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Question question : questions) {
            List<String> given = form.getOrDefault(ANSWER_PREFIX + question.id(), List.of()).stream()
                    .filter(value -> !value.isBlank()).toList();
            if (question.type() == QuestionType.MULTIPLE_CHOICE) {
                if (!given.isEmpty()) {
                    answers.put(question.id(), given);
                }
            } else if (!given.isEmpty()) {
                answers.put(question.id(), given.getFirst());
            }
        }
        String next = form.getFirst("next");
        return new DispositionRequest(classification(form.getFirst("classification")), next == null || next.isBlank() ? null : next,
                callbackAt(form.getFirst("callbackAt"), zone), answers);
    }

    private static Long classification(String chosen) {
        if (chosen == null || chosen.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(chosen);
        } catch (NumberFormatException notAnId) {
            throw new InvalidInputException("classification", "validation.wrong-type");
        }
    }

    private static Instant callbackAt(String picked, ZoneId zone) {
        if (picked == null || picked.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(picked).atZone(zone).toInstant();
        } catch (DateTimeParseException notADateTime) {
            throw new InvalidInputException("callbackAt", "validation.wrong-type");
        }
    }
}
