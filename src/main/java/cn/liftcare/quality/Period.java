package cn.liftcare.quality;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/** A scoring period, a month (2026-07) or a quarter (2026-Q3): civil days [start, end) in Asia/Shanghai. */
public record Period(String code, LocalDate start, LocalDate end) {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

    public static Period parse(String code) {
        Matcher q = code == null ? null : QUARTER.matcher(code);
        if (q != null && q.matches()) {
            LocalDate start = LocalDate.of(Integer.parseInt(q.group(1)), (Integer.parseInt(q.group(2)) - 1) * 3 + 1, 1);
            return new Period(code, start, start.plusMonths(3));
        }
        Matcher m = code == null ? null : MONTH.matcher(code);
        if (m != null && m.matches()) {
            YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            return new Period(code, month.atDay(1), month.plusMonths(1).atDay(1));
        }
        throw new ValidationFailedException(Violation.of("period", "quality.period.invalid", String.valueOf(code)));
    }

    public static Period quarterOf(LocalDate day) {
        return parse(day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1));
    }

    public boolean quarter() {
        return code.contains("Q");
    }

    public int days() {
        return (int) java.time.temporal.ChronoUnit.DAYS.between(start, end);
    }

    public Period previous() {
        return quarter() ? quarterOf(start.minusDays(1)) : parse(YearMonth.from(start.minusDays(1)).toString());
    }

    /** Whether the period has ended by a day, so it may be closed. */
    public boolean endedBy(LocalDate today) {
        return !end.isAfter(today);
    }
}
