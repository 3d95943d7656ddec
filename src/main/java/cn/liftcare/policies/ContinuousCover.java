package cn.liftcare.policies;

import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.List;

/**
 * Continuous insured years of one elevator, which drive its pension share. Cover periods that meet or
 * overlap join into one run; a single day without cover ends the run, and the years count again from zero.
 */
public final class ContinuousCover {

    /** A period of cover, [from, to). */
    public record Span(LocalDate from, LocalDate to) {
    }

    private ContinuousCover() {
    }

    /** The first day of the run of cover that includes {@code day}, or null when it is not covered that day. */
    public static LocalDate runStart(List<Span> spans, LocalDate day) {
        List<Span> sorted = spans.stream().filter(s -> s.to().isAfter(s.from()) && !s.from().isAfter(day))
                .sorted(Comparator.comparing(Span::from)).toList();
        LocalDate start = null;
        LocalDate end = null;
        for (Span s : sorted) {
            if (end == null || s.from().isAfter(end)) {
                start = s.from();
                end = s.to();
            }
            else if (s.to().isAfter(end)) {
                end = s.to();
            }
        }
        return end != null && end.isAfter(day) ? start : null;
    }

    /** Whole years of unbroken cover up to {@code day}; zero when not covered that day. */
    public static int years(List<Span> spans, LocalDate day) {
        LocalDate start = runStart(spans, day);
        return start == null ? 0 : Period.between(start, day).getYears();
    }
}
