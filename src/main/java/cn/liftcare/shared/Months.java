package cn.liftcare.shared;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** A month given as {@code yyyy-MM} in a request. */
public final class Months {

    private Months() {
    }

    /** The month, or a violation on the {@code month} field. */
    public static YearMonth parse(String text) {
        try {
            return YearMonth.parse(text == null ? "" : text.strip());
        }
        catch (DateTimeParseException e) {
            throw new ValidationFailedException(Violation.of("month", "validation.month"));
        }
    }
}
