package dev.outdial.web;

import dev.outdial.shared.ConflictException;
import dev.outdial.shared.FieldViolation;
import dev.outdial.shared.InvalidInputException;
import dev.outdial.shared.NotFoundException;
import dev.outdial.shared.StorableValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure of an API call into a problem detail: {@code type}, {@code title},
 * {@code status}, {@code detail}, and for bad input {@code errors: [{field, message}]}. Nothing
 * else, and never a stack trace, reaches the client; unexpected failures are logged here. First in
 * line, so the pages' handler (which also sees every {@code @RestController}) never answers the API.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ProblemResponses problems;

    ApiExceptionHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @ExceptionHandler
    ResponseEntity<Object> notFound(NotFoundException missing) {
        ProblemDetail problem = problems.problem(HttpStatus.NOT_FOUND, "not-found", "problem.not-found.detail",
                problems.message("resource." + missing.resource(), missing.resource()), missing.id());
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler
    ResponseEntity<Object> conflict(ConflictException conflict) {
        ProblemDetail problem = problems.problem(HttpStatus.CONFLICT, "conflict", conflict.messageKey(), conflict.args());
        conflict.properties().forEach(problem::setProperty);
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler
    ResponseEntity<Object> invalid(InvalidInputException invalid) {
        List<Map<String, String>> errors = invalid.violations().stream().map(this::describe).toList();
        return badRequest(errors);
    }

    /**
     * Two requests creating the same name or number at the same moment: the service's check let
     * both through, the database's unique constraint stopped the second. Same answer as the check.
     */
    @ExceptionHandler
    ResponseEntity<Object> duplicate(DuplicateKeyException duplicate) {
        ProblemDetail problem = problems.problem(HttpStatus.CONFLICT, "conflict", "problem.duplicate.detail");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler
    ResponseEntity<Object> denied(AccessDeniedException denied) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(problems.problem(HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden.detail"));
    }

    @ExceptionHandler
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException mismatch) {
        return badRequest(List.of(error(mismatch.getName(), problems.message("validation.wrong-type", "has the wrong type"))));
    }

    @ExceptionHandler
    ResponseEntity<Object> unexpected(Exception failure) {
        log.error("Unexpected failure of an API call", failure);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "problem.internal.detail"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError field : invalid.getBindingResult().getFieldErrors()) {
            errors.add(error(field.getField(), field.getDefaultMessage()));
        }
        invalid.getBindingResult().getGlobalErrors()
                .forEach(global -> errors.add(error(global.getObjectName(), global.getDefaultMessage())));
        return badRequest(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException invalid,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = invalid.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> error(result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return badRequest(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        JacksonException jackson = findCause(unreadable, JacksonException.class);
        if (jackson == null) {
            return badRequest(List.of(error("body", problems.message("validation.body-unreadable",
                    "The request body is missing or is not valid JSON"))));
        }
        // A syntax error is the body's, wherever the parser stood (WellFormedJsonBodies finds it
        // before any field is bound); a number too big for its field is that field's.
        // A key given twice is the parser's finding too, but of a well-formed body: it is named by its path.
        boolean malformed = jackson instanceof StreamReadException && !(jackson instanceof InputCoercionException)
                && duplicateKey(jackson).isEmpty();
        String field = malformed ? "" : fieldPath(jackson);
        return badRequest(List.of(error(field.isEmpty() ? "body" : field, describe(jackson))));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception failure, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        // Spring's own exceptions (405, 415, 404 for a missing resource...) already carry a
        // problem detail; make sure it has a type and nothing internal in its detail.
        if (body instanceof ProblemDetail problem) {
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                problem.setType(java.net.URI.create(ProblemResponses.TYPE_BASE + "http-" + statusCode.value()));
            }
            if (statusCode.is5xxServerError()) {
                log.error("Failure of an API call", failure);
                problem.setDetail(problems.message("problem.internal.detail", "Internal error"));
            }
        }
        return super.handleExceptionInternal(failure, body, headers, statusCode, request);
    }

    private String describe(JacksonException jackson) {
        Optional<String> twice = duplicateKey(jackson);
        if (twice.isPresent()) {
            return problems.message("validation.duplicate-key", "is given twice", twice.get());
        }
        if (jackson instanceof StorableValuesModule.UnstorableValueException refused) {
            return problems.message(refused.messageKey(), refused.messageKey(), StorableValues.FIRST_YEAR,
                    StorableValues.LAST_YEAR);
        }
        if (jackson instanceof UnrecognizedPropertyException unknown) {
            return problems.message("validation.unknown-field", "is not a known field", unknown.getPropertyName());
        }
        if (jackson instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            String allowed = Arrays.toString(format.getTargetType().getEnumConstants());
            return problems.message("validation.not-one-of", "must be one of " + allowed, format.getValue(), allowed);
        }
        if (jackson instanceof MismatchedInputException mismatch && isWholeNumber(mismatch.getTargetType())) {
            return problems.message("validation.whole-number", "must be a whole number");
        }
        if (jackson instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return problems.message("validation.wrong-type-of", "has the wrong type",
                    mismatch.getTargetType().getSimpleName());
        }
        return problems.message("validation.malformed-json", "is not valid JSON", jackson.getOriginalMessage());
    }

    private static boolean isWholeNumber(Class<?> type) {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class;
    }

    /** How the parser's strict duplicate detection names the key (spring.jackson.read.strict-duplicate-detection). */
    private static final java.util.regex.Pattern DUPLICATE_KEY =
            java.util.regex.Pattern.compile("Duplicate (?:Object )?(?:property|field) \"(.*?)\"");

    /** The key the body gives twice, if that is what the parser found. */
    private static Optional<String> duplicateKey(JacksonException jackson) {
        java.util.regex.Matcher twice = DUPLICATE_KEY.matcher(String.valueOf(jackson.getOriginalMessage()));
        return twice.find() ? Optional.of(twice.group(1)) : Optional.empty();
    }

    private static String fieldPath(JacksonException jackson) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : jackson.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private Map<String, String> describe(FieldViolation violation) {
        return error(violation.field(), problems.message(violation.messageKey(), violation.messageKey(), violation.args()));
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message == null ? "" : message);
    }

    private ResponseEntity<Object> badRequest(List<Map<String, String>> errors) {
        ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, "validation", "problem.validation.detail",
                errors.stream().map(error -> error.get("field")).distinct().toList().toString());
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
