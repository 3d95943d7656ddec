package cn.liftcare.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.shared.TooManyRequestsException;
import cn.liftcare.shared.ValidationFailedException;

/**
 * RFC 9457 problem+json for every error of the JSON API. Messages follow the caller's
 * Accept-Language (zh-CN by default), and each field error names its field.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemHandler {

    static final String TYPE_BASE = "https://liftcare.cn/problems/";

    private final MessageSource messages;

    ApiProblemHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                message("problem.not-found", new Object[0]));
        problem.setType(URI.create(TYPE_BASE + "not-found"));
        problem.setTitle(message("problem.not-found.title", new Object[0]));
        return problem;
    }

    @ExceptionHandler(ValidationFailedException.class)
    ProblemDetail invalid(ValidationFailedException e) {
        return validationProblem(e.violations().stream()
                .map(v -> new FieldProblem(v.field(), message(v.messageKey(), v.argsArray())))
                .toList());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        Locale locale = LocaleContextHolder.getLocale();
        return validationProblem(e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), messages.getMessage(f, locale)))
                .toList());
    }

    @ExceptionHandler(RuleViolationException.class)
    ProblemDetail ruleBroken(RuleViolationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                message(e.messageKey(), e.args()));
        problem.setType(URI.create(TYPE_BASE + "rule-violation"));
        problem.setTitle(message("problem.rule.title", new Object[0]));
        problem.setProperty("rule", e.rule());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                message(e.messageKey(), new Object[] {e.retryAfterSeconds() / 60 + 1}));
        problem.setType(URI.create(TYPE_BASE + "too-many-requests"));
        problem.setTitle(message("problem.tooMany.title", new Object[0]));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds())).body(problem);
    }

    private ProblemDetail validationProblem(List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b).orElse(""));
        problem.setType(URI.create(TYPE_BASE + "validation"));
        problem.setTitle(message("problem.validation.title", new Object[0]));
        problem.setProperty("errors", errors.stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
        return problem;
    }

    private String message(String key, Object[] args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    record FieldProblem(String field, String message) {
    }

}
