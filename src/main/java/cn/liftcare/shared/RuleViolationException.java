package cn.liftcare.shared;

import java.util.List;

/**
 * A command is well-formed but a business rule forbids it now (a state transition, a limit). Answers
 * 409 with the rule's name, so clients can tell which rule without parsing prose.
 */
public class RuleViolationException extends RuntimeException {

    private final String rule;
    private final String messageKey;
    private final List<Object> args;

    public RuleViolationException(String rule, String messageKey, Object... args) {
        super(rule);
        this.rule = rule;
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    public String rule() {
        return rule;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.toArray();
    }
}
