package dev.outdial.web;

import dev.outdial.shared.CurrentUser;
import dev.outdial.shared.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Decides on an upload (any multipart request, page or API) from its headers, before a byte of
 * its body is read: only admins and supervisors upload anything, a declared size past the limit
 * of what is uploaded is refused at once, and a business runs only a few uploads at a time on a
 * node. Without it the container would read (and store) the whole body first, even to answer 403.
 * The controllers keep their own checks; this one only answers earlier.
 */
final class UploadGuard extends OncePerRequestFilter {

    /** Room for the multipart framing and the form's other fields around the file. */
    static final long FRAMING = DataSize.ofMegabytes(1).toBytes();
    static final int RETRY_AFTER_SECONDS = 10;

    private final ProblemResponses problems;
    private final DataSize importLimit;
    private final DataSize audioLimit;
    private final int perBusiness;
    private final Map<Long, Semaphore> running = new ConcurrentHashMap<>();

    UploadGuard(ProblemResponses problems, DataSize importLimit, DataSize audioLimit, int perBusiness) {
        this.problems = problems;
        this.importLimit = importLimit;
        this.audioLimit = audioLimit;
        this.perBusiness = perBusiness;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication != null && authentication.getPrincipal() instanceof CurrentUser user)) {
            refuse(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "problem.unauthorized.detail");
            return;
        }
        if (!user.is(Role.ADMIN) && !user.is(Role.SUPERVISOR)) {
            refuse(request, response, HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden.detail");
            return;
        }
        boolean audio = request.getRequestURI().startsWith("/api/v1/audio");
        DataSize limit = audio ? audioLimit : importLimit;
        if (request.getContentLengthLong() > limit.toBytes() + FRAMING) {
            tooLarge(request, response, audio ? "audio.file.too-large" : "tabular.file.too-large", limit);
            return;
        }
        Semaphore slots = running.computeIfAbsent(user.businessId(), business -> new Semaphore(perBusiness));
        if (!slots.tryAcquire()) {
            response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            refuse(request, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-uploads",
                    "problem.too-many-uploads.detail");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            slots.release();
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
                        String detailKey) throws IOException {
        // The body is left unread: the connection cannot carry another request after this one.
        response.setHeader("Connection", "close");
        if (isApi(request)) {
            problems.write(request, response, () -> problems.problem(status, type, detailKey));
        } else {
            response.sendError(status.value());
        }
    }

    /** The same answer the import or audio check gives once the file is read, only sooner. */
    private void tooLarge(HttpServletRequest request, HttpServletResponse response, String messageKey, DataSize limit)
            throws IOException {
        response.setHeader("Connection", "close");
        if (!isApi(request)) {
            response.sendError(413);
            return;
        }
        problems.write(request, response, () -> {
            ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, "validation", "problem.validation.detail",
                    "[file]");
            problem.setProperty("errors", List.of(Map.of("field", "file",
                    "message", problems.message(messageKey, messageKey, limit.toMegabytes()))));
            return problem;
        });
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/api/");
    }
}
