package dev.outdial.web;

import dev.outdial.shared.InvalidInputException;
import dev.outdial.shared.StorableValues;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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

    /** An ISO date with a sign or a year of five digits and more: outside {@link StorableValues#LAST_YEAR}. */
    private static final Pattern FAR_DATE = Pattern.compile("^\\s*([+-]\\d{4,}|\\d{5,})-\\d{2}-\\d{2}.*", Pattern.DOTALL);

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
                if (FAR_DATE.matcher(value).matches()) {
                    throw new InvalidInputException(name, StorableValues.TIME_MESSAGE, StorableValues.FIRST_YEAR,
                            StorableValues.LAST_YEAR);
                }
            }
        }
        return true;
    }
}
