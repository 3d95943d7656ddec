package cn.liftcare.claims.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/** Broken rules in the reader's language: beside the form field they name, or above the form. */
@Component
class ClaimMessages {

    private final MessageSource messages;

    ClaimMessages(MessageSource messages) {
        this.messages = messages;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    String text(Violation v) {
        return text(v.messageKey(), v.argsArray());
    }

    String text(RuleViolationException e) {
        return text(e.messageKey(), e.args());
    }

    /** The first message for each field the form shows. */
    Map<String, String> byField(ValidationFailedException e, Predicate<String> shown) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.violations().stream().filter(v -> shown.test(v.field())).forEach(v -> errors.putIfAbsent(v.field(), text(v)));
        return errors;
    }

    /** The messages of fields the form does not show. */
    List<String> others(ValidationFailedException e, Predicate<String> shown) {
        return e.violations().stream().filter(v -> !shown.test(v.field())).map(this::text).toList();
    }
}
