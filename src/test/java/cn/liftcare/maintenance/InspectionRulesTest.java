package cn.liftcare.maintenance;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InspectionRulesTest {

    static final LocalDate COMMISSIONED = LocalDate.of(2010, 5, 20);

    @ParameterizedTest
    @CsvSource({"2010-05-20, 1, PERIODIC", "2011-05-19, 1, PERIODIC", "2011-05-20, 2, SELF_TEST", "2013-06-01, 4, PERIODIC",
            "2015-06-01, 6, SELF_TEST", "2016-06-01, 7, PERIODIC", "2017-06-01, 8, SELF_TEST", "2018-06-01, 9, PERIODIC",
            "2024-06-01, 15, PERIODIC", "2025-06-01, 16, PERIODIC", "2026-06-01, 17, PERIODIC", "2021-06-01, 12, SELF_TEST"})
    void inspectionYearsAndSelfTestYears(LocalDate on, int serviceYear, InspectionKind kind) {
        assertThat(InspectionRules.serviceYear(COMMISSIONED, on)).isEqualTo(serviceYear);
        assertThat(InspectionRules.kindDue(COMMISSIONED, on)).isEqualTo(kind);
    }

    @Test
    void aFailureIsRecheckedWithinAMonth() {
        LocalDate on = LocalDate.of(2026, 3, 1);
        assertThat(InspectionRules.nextDue(on, InspectionResult.PASS)).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(InspectionRules.nextDue(on, InspectionResult.PASS_AFTER_RECTIFICATION)).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(InspectionRules.nextDue(on, InspectionResult.FAIL)).isEqualTo(LocalDate.of(2026, 3, 31));
    }
}
