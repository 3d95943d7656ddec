package cn.liftcare.maintenance;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MaintenanceScheduleTest {

    static final LocalDate START = LocalDate.of(2026, 1, 1);

    static MaintenanceSchedule after(LocalDate lastVisit, MaintenanceClass c) {
        Map<MaintenanceClass, LocalDate> last = new EnumMap<>(MaintenanceClass.class);
        last.put(c, lastVisit);
        return new MaintenanceSchedule(last, START, 15);
    }

    @Test
    void day15IsOnTimeAndDay16IsOverdue() {
        LocalDate visit = LocalDate.of(2026, 3, 1);
        MaintenanceSchedule schedule = after(visit, MaintenanceClass.HALF_MONTH);
        assertThat(schedule.nextVisitDue()).isEqualTo(visit.plusDays(15));
        assertThat(schedule.isOverdue(visit.plusDays(15))).isFalse();
        assertThat(schedule.isOverdue(visit.plusDays(16))).isTrue();
        assertThat(schedule.daysOverdue(visit.plusDays(20))).isEqualTo(5);
    }

    @Test
    void withoutAnyVisitThePlanStartCounts() {
        MaintenanceSchedule schedule = new MaintenanceSchedule(Map.of(), START, 15);
        assertThat(schedule.lastVisit()).isEmpty();
        assertThat(schedule.isOverdue(START.plusDays(15))).isFalse();
        assertThat(schedule.isOverdue(START.plusDays(16))).isTrue();
    }

    @Test
    void onDemandPlansAllowTheirLongerInterval() {
        Map<MaintenanceClass, LocalDate> last = Map.of(MaintenanceClass.HALF_MONTH, START);
        MaintenanceSchedule schedule = new MaintenanceSchedule(last, START, 30);
        assertThat(schedule.isOverdue(START.plusDays(30))).isFalse();
        assertThat(schedule.isOverdue(START.plusDays(31))).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            // a quarterly visit is due 90 days after the last visit covering it, done at the last visit before late
            "74, HALF_MONTH", "75, HALF_MONTH", "76, QUARTER", "90, QUARTER"})
    void aClassIsDoneAtTheLastVisitBeforeItFallsLate(int daysAfter, MaintenanceClass expected) {
        MaintenanceSchedule schedule = after(START, MaintenanceClass.QUARTER);
        assertThat(schedule.classFor(START.plusDays(daysAfter))).isEqualTo(expected);
    }

    @Test
    void higherClassesCoverLowerOnes() {
        Map<MaintenanceClass, LocalDate> last = new EnumMap<>(MaintenanceClass.class);
        last.put(MaintenanceClass.QUARTER, START);
        last.put(MaintenanceClass.YEAR, START.plusDays(80));  // the annual visit also did the quarterly items
        MaintenanceSchedule schedule = new MaintenanceSchedule(last, START, 15);
        assertThat(schedule.classDue(MaintenanceClass.QUARTER)).isEqualTo(START.plusDays(80 + 90));
        assertThat(schedule.classDue(MaintenanceClass.YEAR)).isEqualTo(START.plusDays(80 + 365));
        assertThat(schedule.classFor(START.plusDays(95))).isEqualTo(MaintenanceClass.HALF_MONTH);
    }

    @Test
    void theHighestClassDueWins() {
        // never a year, half-year or quarter since the plan began: a year on, the annual is due
        MaintenanceSchedule schedule = new MaintenanceSchedule(Map.of(MaintenanceClass.HALF_MONTH, START.plusDays(355)),
                START, 15);
        assertThat(schedule.classFor(START.plusDays(365))).isEqualTo(MaintenanceClass.YEAR);
    }

    @Test
    void leapYearsCountTheirExtraDay() {
        LocalDate feb28 = LocalDate.of(2028, 2, 28);
        MaintenanceSchedule schedule = after(feb28, MaintenanceClass.HALF_MONTH);
        assertThat(schedule.nextVisitDue()).isEqualTo(LocalDate.of(2028, 3, 14));
        assertThat(schedule.isOverdue(LocalDate.of(2028, 3, 15))).isTrue();
        MaintenanceSchedule annual = after(LocalDate.of(2028, 2, 29), MaintenanceClass.YEAR);
        assertThat(annual.classDue(MaintenanceClass.YEAR)).isEqualTo(LocalDate.of(2029, 2, 28));
    }
}
