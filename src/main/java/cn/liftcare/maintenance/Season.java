package cn.liftcare.maintenance;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;

/**
 * A deadline the notes of TSG T5002 set for a seasonal item. Hangzhou's plum-rain season starts mid-June
 * and its heating season in late November, so the item is due in any visit within the window before the
 * deadline, until it has been done that season.
 */
enum Season {
    /** 雨季到来之前. */
    BEFORE_RAINY_SEASON(MonthDay.of(6, 1), 75),
    /** 冬季到来之前. */
    BEFORE_WINTER(MonthDay.of(11, 15), 75);

    private final MonthDay deadline;
    private final int windowDays;

    Season(MonthDay deadline, int windowDays) {
        this.deadline = deadline;
        this.windowDays = windowDays;
    }

    static Optional<Season> of(MaintenanceItem item) {
        if (item.note() == null) {
            return Optional.empty();
        }
        if (item.note().contains("rainy")) {
            return Optional.of(BEFORE_RAINY_SEASON);
        }
        if (item.note().contains("winter")) {
            return Optional.of(BEFORE_WINTER);
        }
        return Optional.empty();
    }

    LocalDate deadlineIn(int year) {
        return deadline.atYear(year);
    }

    /** The first day of this year's window, if {@code day} falls inside it (deadline included). */
    Optional<LocalDate> windowContaining(LocalDate day) {
        LocalDate end = deadlineIn(day.getYear());
        LocalDate start = end.minusDays(windowDays);
        return !day.isBefore(start) && !day.isAfter(end) ? Optional.of(start) : Optional.empty();
    }
}
