package dev.outdial.web;

import dev.outdial.shared.ConflictException;
import dev.outdial.shared.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Says a rejected form's reasons in the user's language, the way the API's problem details say
 * them, so a page and the API never disagree about what was wrong.
 */
@Component
public class PageMessages {

    private final MessageSource messages;

    PageMessages(MessageSource messages) {
        this.messages = messages;
    }

    public List<String> describe(RuntimeException rejection) {
        return switch (rejection) {
            case InvalidInputException invalid -> invalid.violations().stream()
                    .map(violation -> label(violation.field()) + " " + text(violation.messageKey(), violation.args()))
                    .toList();
            case ConflictException conflict -> List.of(text(conflict.messageKey(), conflict.args()));
            default -> throw rejection;
        };
    }

    /** Each rejected field's first message, to show next to the field (label left to the page). */
    public Map<String, String> byField(InvalidInputException invalid) {
        Map<String, String> errors = new LinkedHashMap<>();
        invalid.violations().forEach(violation ->
                errors.putIfAbsent(violation.field(), text(violation.messageKey(), violation.args())));
        return errors;
    }

    public String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private String label(String field) {
        return messages.getMessage("field." + field, null, field, LocaleContextHolder.getLocale());
    }
}
