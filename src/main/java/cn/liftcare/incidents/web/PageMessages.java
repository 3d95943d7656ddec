package cn.liftcare.incidents.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/** Broken rules in the reader's language, for the pages that show them after a redirect. */
@Component
class PageMessages {

    private final MessageSource messages;

    PageMessages(MessageSource messages) {
        this.messages = messages;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    String text(Violation v) {
        return text(v.messageKey(), v.argsArray());
    }

    /** A rule's message; a step out of order names the steps and the status in words, not constants. */
    String text(RuleViolationException e) {
        if ("incident-step-order".equals(e.rule())) {
            Object[] args = e.args();
            String allowed = Arrays.stream(String.valueOf(args[2]).split(",\\s*")).filter(s -> !s.isBlank())
                    .map(s -> text("enum.Step." + s)).collect(Collectors.joining("、"));
            return text(e.messageKey(), text("enum.Step." + args[0]), text("enum.IncidentStatus." + args[1]),
                    allowed.isEmpty() ? "—" : allowed);
        }
        return text(e.messageKey(), e.args());
    }

    /** The violations of the fields a form shows, by field; the rest go to {@link #others}. */
    Map<String, String> byField(ValidationFailedException e, Set<String> fields) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.violations().stream().filter(v -> fields.contains(v.field()))
                .forEach(v -> errors.putIfAbsent(v.field(), text(v)));
        return errors;
    }

    List<String> others(ValidationFailedException e, Set<String> fields) {
        return e.violations().stream().filter(v -> !fields.contains(v.field())).map(this::text).toList();
    }
}
