package dev.outdial.web;

import dev.outdial.shared.ConflictException;
import dev.outdial.shared.InvalidInputException;
import dev.outdial.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.ConversionException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What a page answers when the object it names is missing or another business's (the 404 page:
 * the two look the same, so another business's objects stay secret), or when its parameters make
 * no sense (the 400 page). These are the visitor's doing, not failures: nothing is logged.
 * Runs after {@link ApiExceptionHandler}, which answers every API controller itself.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    private final PageMessages messages;

    PageExceptionHandler(PageMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler
    String notFound(NotFoundException missing, Model model, HttpServletResponse response) {
        return errorPage(HttpStatus.NOT_FOUND, List.of(), model, response);
    }

    @ExceptionHandler
    String invalid(InvalidInputException invalid, Model model, HttpServletResponse response) {
        return errorPage(HttpStatus.BAD_REQUEST, messages.describe(invalid), model, response);
    }

    @ExceptionHandler
    String conflict(ConflictException conflict, Model model, HttpServletResponse response) {
        return errorPage(HttpStatus.CONFLICT, messages.describe(conflict), model, response);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, ServletRequestBindingException.class,
            BindException.class, HandlerMethodValidationException.class, ConversionException.class})
    String badParameter(Exception unreadable, Model model, HttpServletResponse response) {
        return errorPage(HttpStatus.BAD_REQUEST, List.of(), model, response);
    }

    private static String errorPage(HttpStatus status, List<String> reasons, Model model, HttpServletResponse response) {
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("messageKey", ErrorPageController.messageKey(status));
        model.addAttribute("titleKey", ErrorPageController.titleKey(status));
        model.addAttribute("reasons", reasons);
        return "error";
    }
}
