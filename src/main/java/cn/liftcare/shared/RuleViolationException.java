package cn.liftcare.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command is well-formed but a business rule forbids it now (a state transition, a limit). Answers
 * 409 with the rule's name, so clients can tell which rule without parsing prose.
 */
public class RuleViolationException extends RuntimeException {

    private final String rule;
    private final String messageKey;
    private final List<Object> args;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public RuleViolationException(String rule, String messageKey, Object... args) {
        super(rule);
        this.rule = rule;
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    /** Adds a member to the problem+json answer, such as the steps that are allowed instead. */
    public RuleViolationException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
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
