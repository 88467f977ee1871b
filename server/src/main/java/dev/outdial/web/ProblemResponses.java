package dev.outdial.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the RFC 9457 problem details every API error is answered with, including the ones the
 * security filters write before any controller runs.
 */
@Component
public class ProblemResponses {

    static final String TYPE_BASE = "https://outdial.dev/problems/";

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    ProblemResponses(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    /** A problem whose title and detail come from the message bundles in the user's language. */
    public ProblemDetail problem(HttpStatus status, String type, String detailKey, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(message("problem." + type + ".title", status.getReasonPhrase()));
        problem.setDetail(message(detailKey, detailKey, args));
        return problem;
    }

    public String message(String key, String fallback, Object... args) {
        return messages.getMessage(key, args, fallback, LocaleContextHolder.getLocale());
    }

    AuthenticationEntryPoint unauthorized(String realm) {
        return (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
            write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "problem.unauthorized.detail");
        };
    }

    AccessDeniedHandler forbidden() {
        return (request, response, exception) ->
                write(request, response, HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden.detail");
    }

    /** Writes a problem straight to the response, for filters that answer before any controller runs. */
    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                       String type, String detailKey) throws IOException {
        write(request, response, () -> problem(status, type, detailKey));
    }

    /** Writes the problem a filter built (in the request's language) as the whole response. */
    void write(HttpServletRequest request, HttpServletResponse response, Supplier<ProblemDetail> built)
            throws IOException {
        // Security filters run before the DispatcherServlet has set the request's locale.
        LocaleContextHolder.setLocale(locales.resolveLocale(request));
        try {
            ProblemDetail problem = built.get();
            HttpStatus status = HttpStatus.valueOf(problem.getStatus());
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), problem);
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
