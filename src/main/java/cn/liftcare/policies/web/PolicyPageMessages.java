package cn.liftcare.policies.web;

import java.util.Arrays;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import cn.liftcare.policies.PolicyStatus;
import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.shared.Violation;

/** Broken rules in the reader's language, for the policy pages; a status in a message reads as a word. */
@Component
class PolicyPageMessages {

    private final MessageSource messages;

    PolicyPageMessages(MessageSource messages) {
        this.messages = messages;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    String text(Violation v) {
        return text(v.messageKey(), v.argsArray());
    }

    String text(RuleViolationException e) {
        Object[] args = e.args();
        if (e.messageKey().startsWith("policy.status.") && args.length > 0
                && Arrays.stream(PolicyStatus.values()).anyMatch(s -> s.name().equals(args[0]))) {
            return text(e.messageKey(), text("policies.page.status." + args[0]));
        }
        return text(e.messageKey(), args);
    }
}
