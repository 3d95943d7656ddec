package cn.liftcare.dashboard;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Optional;

import cn.liftcare.identity.OrganizationType;

/** The reports people in the field send around, and who makes each. */
public enum ReportKind {
    /** 辖区电梯安全月报: the regulator's district, month by month. */
    DISTRICT_MONTHLY(false, OrganizationType.REGULATOR),
    /** 承保组合月报: the insurer's portfolio. */
    PORTFOLIO_MONTHLY(false, OrganizationType.INSURER),
    /** 小区电梯年度报告: a community's year, for its owners. */
    COMMUNITY_ANNUAL(true, OrganizationType.USE_UNIT, OrganizationType.OWNERS_COMMITTEE);

    private final boolean annual;
    private final OrganizationType[] types;

    ReportKind(boolean annual, OrganizationType... types) {
        this.annual = annual;
        this.types = types;
    }

    public boolean annual() {
        return annual;
    }

    public static Optional<ReportKind> forType(OrganizationType type) {
        return Arrays.stream(values()).filter(k -> Arrays.asList(k.types).contains(type)).findFirst();
    }

    /** The last month the report covers: the month itself, or December of the year. */
    YearMonth lastMonth(String period) {
        return annual ? Year.parse(period).atMonth(12) : YearMonth.parse(period);
    }

    /** The period the monthly schedule makes on a day: last month, or last year (in January). */
    Optional<String> scheduledPeriod(LocalDate today) {
        if (annual) {
            return today.getMonthValue() == 1 ? Optional.of(String.valueOf(today.getYear() - 1)) : Optional.empty();
        }
        return Optional.of(YearMonth.from(today).minusMonths(1).toString());
    }

    /** Whether the text names a period of this kind that has ended by the day. */
    boolean validPeriod(String period, LocalDate today) {
        try {
            return lastMonth(period).isBefore(YearMonth.from(today))
                    && (annual ? period.matches("\\d{4}") : period.matches("\\d{4}-\\d{2}"));
        }
        catch (RuntimeException e) {
            return false;
        }
    }
}
