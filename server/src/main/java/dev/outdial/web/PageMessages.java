package dev.outdial.web;

import dev.outdial.shared.ConflictException;
import dev.outdial.shared.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private static final Pattern LIST_ITEM = Pattern.compile("(\\w+)\\[(\\d+)]");

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

    /** The field's name as the page shows it; an item of a list ({@code numbers[1]}) as its list's, counted from 1. */
    private String label(String field) {
        String named = messages.getMessage("field." + field, null, null, LocaleContextHolder.getLocale());
        if (named != null) {
            return named;
        }
        Matcher item = LIST_ITEM.matcher(field);
        return item.matches() ? label(item.group(1)) + " " + (Integer.parseInt(item.group(2)) + 1) : field;
    }
}
