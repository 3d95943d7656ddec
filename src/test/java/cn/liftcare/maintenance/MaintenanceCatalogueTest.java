package cn.liftcare.maintenance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The project's copy of TSG T5002-2017 Annexes A–D, and the rules built on it. */
class MaintenanceCatalogueTest {

    final MaintenanceCatalogue catalogue = new MaintenanceCatalogue();
    final ChecklistPlanner planner = new ChecklistPlanner(catalogue);

    @Test
    void holdsAll257ItemsOfTheRegulation() {
        assertThat(catalogue.regulationItems()).hasSize(257);
        assertThat(catalogue.regulationItems()).extracting(MaintenanceItem::code).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @CsvSource({
            // annex, half-monthly, quarterly, half-yearly, annual: the regulation's table sizes
            "A, 31, 13, 15, 17", "B, 30, 13, 9, 14", "C, 20, 8, 10, 14", "D, 33, 5, 12, 13"})
    void theClassesAreCumulative(char annex, int halfMonth, int quarter, int halfYear, int year) {
        assertThat(catalogue.cumulative(annex, MaintenanceClass.HALF_MONTH)).hasSize(halfMonth);
        assertThat(catalogue.cumulative(annex, MaintenanceClass.QUARTER)).hasSize(halfMonth + quarter);
        assertThat(catalogue.cumulative(annex, MaintenanceClass.HALF_YEAR)).hasSize(halfMonth + quarter + halfYear);
        assertThat(catalogue.cumulative(annex, MaintenanceClass.YEAR)).hasSize(halfMonth + quarter + halfYear + year);
        assertThat(catalogue.cumulative(annex, MaintenanceClass.QUARTER))
                .containsAll(catalogue.cumulative(annex, MaintenanceClass.HALF_MONTH))
                .allSatisfy(i -> assertThat(i.annex()).isEqualTo(annex));
    }

    @Test
    void numericItemsCarryTheirLimits() {
        MaintenanceItem lock = catalogue.find("A-1-29").orElseThrow();
        assertThat(lock.item()).isEqualTo("层门锁紧元件啮合长度");
        assertThat(lock.isNumeric()).isTrue();
        assertThat(lock.withinLimit(new BigDecimal("7"))).isTrue();
        assertThat(lock.withinLimit(new BigDecimal("6.9"))).isFalse();
        assertThat(lock.physicallyPossible(new BigDecimal("150"))).isFalse();
        MaintenanceItem handrail = catalogue.find("D-2-01").orElseThrow();
        assertThat(handrail.withinLimit(new BigDecimal("2"))).isTrue();
        assertThat(handrail.withinLimit(new BigDecimal("2.1"))).isFalse();
        assertThat(handrail.withinLimit(new BigDecimal("-0.1"))).isFalse();
    }

    @Test
    void testsAreRecognisedByName() {
        assertThat(catalogue.find("A-4-06").orElseThrow().isTest()).isTrue();
        assertThat(catalogue.find("A-4-05").orElseThrow().isTest()).isTrue();
        assertThat(catalogue.find("A-1-01").orElseThrow().isTest()).isFalse();
    }

    @Test
    void theGovernorCalibrationFollowsTheElevatorsAge() {
        MaintenanceItem calibration = catalogue.calibration('A').orElseThrow();
        assertThat(calibration.code()).isEqualTo("A-4-06C");
        LocalDate young = LocalDate.of(2016, 6, 1);   // 10 years old in 2026
        LocalDate old = LocalDate.of(2006, 6, 1);     // 20 years old
        LocalDate lastYear = LocalDate.of(2025, 6, 10);
        LocalDate on = LocalDate.of(2026, 6, 10);
        assertThat(codes(planner.dueItems('A', MaintenanceClass.YEAR, on, young, Map.of("A-4-06C", lastYear))))
                .doesNotContain("A-4-06C");
        assertThat(codes(planner.dueItems('A', MaintenanceClass.YEAR, on, old, Map.of("A-4-06C", lastYear))))
                .contains("A-4-06C");
        assertThat(codes(planner.dueItems('A', MaintenanceClass.YEAR, on, young, Map.of("A-4-06C", lastYear.minusYears(1)))))
                .contains("A-4-06C");
        assertThat(codes(planner.dueItems('A', MaintenanceClass.YEAR, on, young, Map.of()))).contains("A-4-06C");
        // never on a lower class
        assertThat(codes(planner.dueItems('A', MaintenanceClass.HALF_YEAR, on, old, Map.of()))).doesNotContain("A-4-06C");
        assertThat(catalogue.calibration('C').orElseThrow().note()).isEqualTo("every 60 months");
        assertThat(MaintenanceCatalogue.calibrationMonths(catalogue.calibration('C').orElseThrow(), 30)).isEqualTo(60);
        assertThat(catalogue.calibration('D')).isEmpty();
    }

    @Test
    void seasonalItemsAreDueBeforeTheirSeason() {
        LocalDate commissioned = LocalDate.of(2015, 1, 1);
        // water-ingress protection (quarterly) is due on a half-monthly visit in May, before the rainy season
        assertThat(codes(planner.dueItems('D', MaintenanceClass.HALF_MONTH, LocalDate.of(2026, 5, 10), commissioned, Map.of())))
                .contains("D-2-05").doesNotContain("D-3-12");
        // but not once done this season, and not in autumn
        assertThat(codes(planner.dueItems('D', MaintenanceClass.HALF_MONTH, LocalDate.of(2026, 5, 25), commissioned,
                Map.of("D-2-05", LocalDate.of(2026, 5, 10))))).doesNotContain("D-2-05");
        assertThat(codes(planner.dueItems('D', MaintenanceClass.HALF_MONTH, LocalDate.of(2026, 8, 1), commissioned, Map.of())))
                .doesNotContain("D-2-05");
        // step heating before winter
        assertThat(codes(planner.dueItems('D', MaintenanceClass.HALF_MONTH, LocalDate.of(2026, 11, 1), commissioned,
                Map.of("D-3-12", LocalDate.of(2025, 11, 1))))).contains("D-3-12");
        assertThat(codes(planner.dueItems('D', MaintenanceClass.HALF_MONTH, LocalDate.of(2026, 11, 16), commissioned,
                Map.of()))).doesNotContain("D-3-12");
    }

    static List<String> codes(List<MaintenanceItem> items) {
        return items.stream().map(MaintenanceItem::code).toList();
    }
}
