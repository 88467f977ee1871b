package dev.outdial.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A multipart request past the container's limits (a file over
 * {@code spring.servlet.multipart.max-file-size}, more parts than {@code server.tomcat.max-part-count})
 * cannot be read at all: every later look at a parameter fails again, the error page included, so
 * the container would answer its own bare "413" page. This filter reads the form first and, when it
 * cannot, sends a page to the friendly explanation (and the API a problem detail) instead.
 */
@Component
// After the character-encoding filter (the form is read here first, so it must be read as UTF-8),
// before the security filters, whose CSRF check is the first to read a parameter.
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RejectedUploadFilter extends OncePerRequestFilter {

    static final String PAGE = "/upload-too-large";

    private final ProblemResponses problems;

    RejectedUploadFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParameterMap();
        } catch (IllegalStateException unreadable) {
            logger.info("Refused an upload past the container's limits: " + unreadable.getMessage());
            if (request.getRequestURI().startsWith("/api/")) {
                problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "upload-too-large",
                        "upload.too-large.detail");
            } else {
                response.sendRedirect(request.getContextPath() + PAGE);
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
