package dev.outdial.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A multipart request past the container's limits (a file over
 * {@code spring.servlet.multipart.max-file-size}, more parts than {@code server.tomcat.max-part-count})
 * cannot be read at all: every later look at a parameter fails again, the error page included, so
 * the container would answer its own bare "413" page. This filter reads the form first and, when it
 * cannot, sends a page to the friendly explanation (and the API a problem detail) instead.
 */
// A link of each security chain, right after the upload guard (which refuses by role and declared size
// before anything is read) and before the CSRF check, the first to read a parameter. Not a servlet
// filter of its own: ahead of security it would read a whole upload before anyone's role is known.
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
