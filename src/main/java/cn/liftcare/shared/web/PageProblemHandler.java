package cn.liftcare.shared.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.shared.TooManyRequestsException;
import cn.liftcare.shared.ValidationFailedException;

/**
 * A business rule broken on a page that has no form to show it beside (a check-in, a confirmation): the
 * error page, with the rule's message and the right status, instead of a server error. (The JSON API has
 * its own problem+json handler, which comes first.)
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblemHandler {

    private final MessageSource messages;

    PageProblemHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(RuleViolationException.class)
    ModelAndView ruleBroken(RuleViolationException e) {
        return page(HttpStatus.CONFLICT, messages.getMessage(e.messageKey(), e.args(), e.messageKey(),
                LocaleContextHolder.getLocale()));
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ModelAndView tooMany(TooManyRequestsException e) {
        return page(HttpStatus.TOO_MANY_REQUESTS, messages.getMessage(e.messageKey(),
                new Object[] {e.retryAfterSeconds() / 60 + 1}, e.messageKey(), LocaleContextHolder.getLocale()));
    }

    @ExceptionHandler(ValidationFailedException.class)
    ModelAndView invalid(ValidationFailedException e) {
        var v = e.violations().get(0);
        return page(HttpStatus.BAD_REQUEST, messages.getMessage(v.messageKey(), v.argsArray(), v.messageKey(),
                LocaleContextHolder.getLocale()));
    }

    private static ModelAndView page(HttpStatus status, String message) {
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("message", message);
        return page;
    }
}
