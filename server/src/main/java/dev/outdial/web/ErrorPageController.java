package dev.outdial.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Where the servlet container sends what no controller answered: an unknown URL, a failure in a
 * page. API paths get a problem detail, pages get the error page; neither shows a stack trace.
 */
@Controller
class ErrorPageController implements ErrorController {

    private final ProblemResponses problems;

    ErrorPageController(ProblemResponses problems) {
        this.problems = problems;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, Model model) {
        if (isApi(request)) {
            return "forward:/error/problem";
        }
        HttpStatus status = status(request);
        model.addAttribute("status", status.value());
        model.addAttribute("messageKey", messageKey(status));
        model.addAttribute("titleKey", titleKey(status));
        return "error";
    }

    /** The error page's heading: a missing page is not "something went wrong". */
    static String titleKey(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "error.title.not-found";
            case BAD_REQUEST -> "error.title.bad-request";
            default -> "error.title";
        };
    }

    /** The error page's explanation of a status, the same whether a controller or the container chose it. */
    static String messageKey(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "error.not-found";
            case FORBIDDEN -> "error.forbidden";
            case CONFLICT -> "error.conflict";
            default -> status.is4xxClientError() ? "error.bad-request" : "error.internal";
        };
    }

    @RequestMapping({"/error", "/error/problem"})
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        String type = switch (status) {
            case NOT_FOUND -> "not-found";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            default -> status.is5xxServerError() ? "internal" : "http-" + status.value();
        };
        String detailKey = status == HttpStatus.NOT_FOUND ? "problem.no-such-path.detail"
                : "problem." + (status.is5xxServerError() ? "internal" : "request") + ".detail";
        ProblemDetail problem = problems.problem(status, type, detailKey);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            problem.setInstance(URI.create(uri.toString()));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static boolean isApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri != null && uri.toString().startsWith("/api/");
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
