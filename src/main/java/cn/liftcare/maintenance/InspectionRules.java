package cn.liftcare.maintenance;

import java.time.LocalDate;
import java.time.Period;
import java.util.Set;

/**
 * TSG T7001-2023 / T7008-2023: every elevator is checked every year; up to 15 years of age the periodic
 * inspection falls in its years 1, 4, 7, 9, 11, 13 and 15 of service and a self-test in the others; older
 * elevators are inspected every year. A failed check is repeated within a month, once rectified.
 */
public final class InspectionRules {

    static final Set<Integer> INSPECTION_YEARS = Set.of(1, 4, 7, 9, 11, 13, 15);
    static final int RECHECK_DAYS = 30;

    private InspectionRules() {
    }

    /** The year of service a date falls in: the first year runs from commissioning to its first anniversary. */
    public static int serviceYear(LocalDate commissioned, LocalDate on) {
        return Period.between(commissioned, on).getYears() + 1;
    }

    /** Which check is due in the service year containing {@code on}. */
    public static InspectionKind kindDue(LocalDate commissioned, LocalDate on) {
        int year = serviceYear(commissioned, on);
        return year > 15 || INSPECTION_YEARS.contains(year) ? InspectionKind.PERIODIC : InspectionKind.SELF_TEST;
    }

    /** When the next check is due after one on {@code on} with the given result. */
    public static LocalDate nextDue(LocalDate on, InspectionResult result) {
        return result.passed() ? on.plusYears(1) : on.plusDays(RECHECK_DAYS);
    }
}
