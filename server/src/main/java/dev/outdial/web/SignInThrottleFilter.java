package dev.outdial.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Asks the {@link SignInThrottle} before a password is checked: an API call's HTTP Basic
 * credentials or the sign-in form's post. A locked account or address is refused at once, 429
 * with Retry-After on the API, the sign-in page saying how long to wait on the pages.
 */
final class SignInThrottleFilter extends OncePerRequestFilter {

    private final SignInThrottle throttle;
    private final ProblemResponses problems;

    SignInThrottleFilter(SignInThrottle throttle, ProblemResponses problems) {
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean signInForm = "POST".equals(request.getMethod())
                && request.getRequestURI().equals(request.getContextPath() + "/login");
        String username = signInForm ? request.getParameter("username") : basicUsername(request);
        Optional<Duration> wait = username == null ? Optional.empty()
                : throttle.lockedFor(username, request.getRemoteAddr());
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = SignInThrottle.seconds(wait.get());
        throttle.refused(username, request.getRemoteAddr(), wait.get());
        response.setHeader("Retry-After", String.valueOf(seconds));
        if (signInForm) {
            response.sendRedirect(request.getContextPath() + "/login?throttled=" + seconds);
        } else {
            problems.write(request, response, () -> problems.problem(HttpStatus.TOO_MANY_REQUESTS, "sign-in-throttled",
                    "problem.sign-in-throttled.detail", seconds));
        }
    }

    /** The user name of HTTP Basic credentials, or null when the request carries none (or garbage). */
    private static String basicUsername(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
