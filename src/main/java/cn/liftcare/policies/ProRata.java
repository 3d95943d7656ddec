package cn.liftcare.policies;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import cn.liftcare.shared.Money;

/**
 * Premium for part of a term, by days: an annual premium times the days covered over the days of the term.
 * Periods are half-open, [from, to): cover starting on the 1st includes the 1st, and a term of 2028 has 366
 * days. Rounded half-up to the fen once, at the end.
 */
public final class ProRata {

    private ProRata() {
    }

    public static Money of(Money annual, LocalDate termStart, LocalDate termEnd, LocalDate from, LocalDate to) {
        if (!termEnd.isAfter(termStart)) {
            throw new IllegalArgumentException("empty term " + termStart + " to " + termEnd);
        }
        LocalDate start = from.isBefore(termStart) ? termStart : from;
        LocalDate end = to.isAfter(termEnd) ? termEnd : to;
        if (!end.isAfter(start)) {
            return Money.ZERO;
        }
        long days = ChronoUnit.DAYS.between(start, end);
        long termDays = ChronoUnit.DAYS.between(termStart, termEnd);
        if (days == termDays) {
            return annual;
        }
        return Money.of(annual.amount().multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(termDays), 2, RoundingMode.HALF_UP));
    }
}
