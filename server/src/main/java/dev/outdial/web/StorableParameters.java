package dev.outdial.web;

import dev.outdial.shared.InvalidInputException;
import dev.outdial.shared.StorableValues;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The request parameters' side of {@link StorableValuesModule}: every query and form parameter of
 * every page and API call is refused with a 400 naming it when it holds text no database keeps as
 * is, or a date past the year 9999 or before the year 1 in ISO form (the only form dates are read
 * in), before any controller binds it to a search or a form.
 */
final class StorableParameters implements HandlerInterceptor {

    /** What may be an ISO date with a signed year (how ISO writes years before 1 or past 9999). */
    private static final Pattern SIGNED_YEAR = Pattern.compile("^[+-]\\d{4,}-\\d{2}-\\d{2}.*", Pattern.DOTALL);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException undecodable) {
            // The container could not decode a parameter as UTF-8 (e.g. an encoded lone surrogate).
            throw new InvalidInputException("parameters", "validation.undecodable-parameters");
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (!StorableValues.isStorable(name)) {
                throw new InvalidInputException("parameter", StorableValues.TEXT_MESSAGE);
            }
            for (String value : parameter.getValue()) {
                if (!StorableValues.isStorable(value)) {
                    throw new InvalidInputException(name, StorableValues.TEXT_MESSAGE);
                }
                if (isFarDate(value.strip())) {
                    throw new InvalidInputException(name, StorableValues.TIME_MESSAGE, StorableValues.FIRST_YEAR,
                            StorableValues.LAST_YEAR);
                }
            }
        }
        return true;
    }

    /**
     * Whether the value reads as an ISO date or date-time (as a search parameter's dates do) of a
     * year outside {@link StorableValues#FIRST_YEAR}..{@link StorableValues#LAST_YEAR}. Only a
     * value that parses whole counts, so a phone number typed with dashes is never taken for one.
     */
    private static boolean isFarDate(String value) {
        if (!SIGNED_YEAR.matcher(value).matches()) {
            return false;
        }
        for (DateTimeFormatter format : ISO_FORMATS) {
            try {
                return !StorableValues.isStorable(format.parse(value));
            } catch (DateTimeParseException notThisForm) {
                // try the next form
            }
        }
        return false;
    }

    private static final List<DateTimeFormatter> ISO_FORMATS = List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            DateTimeFormatter.ISO_ZONED_DATE_TIME, DateTimeFormatter.ISO_LOCAL_DATE_TIME, DateTimeFormatter.ISO_DATE);
}
