package cn.liftcare.shared;

import java.util.List;

/** An input broke one or more rules; nothing was written. */
public class ValidationFailedException extends RuntimeException {

    private final List<Violation> violations;

    public ValidationFailedException(List<Violation> violations) {
        super("Invalid input: " + violations);
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public ValidationFailedException(Violation violation) {
        this(List.of(violation));
    }

    public List<Violation> violations() {
        return violations;
    }
}
