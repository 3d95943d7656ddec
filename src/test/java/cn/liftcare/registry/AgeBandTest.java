package cn.liftcare.registry;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgeBandTest {

    @ParameterizedTest
    @CsvSource({"0, UNDER_5", "4, UNDER_5", "5, FROM_5_TO_10", "9, FROM_5_TO_10", "10, FROM_10_TO_15",
            "14, FROM_10_TO_15", "15, FROM_15_TO_20", "19, FROM_15_TO_20", "20, OVER_20", "45, OVER_20"})
    void bandsAreHalfOpen(int years, AgeBand band) {
        assertThat(AgeBand.of(years)).isEqualTo(band);
    }

    @Test
    void translatesToCommissioningDates() {
        LocalDate today = LocalDate.of(2026, 2, 28);
        assertThat(AgeBand.FROM_10_TO_15.commissionedOnOrBefore(today)).isEqualTo(LocalDate.of(2016, 2, 28));
        assertThat(AgeBand.FROM_10_TO_15.commissionedAfter(today)).isEqualTo(LocalDate.of(2011, 2, 28));
        assertThat(AgeBand.OVER_20.commissionedAfter(today)).isNull();
    }

    @Test
    void parsesItsCodes() {
        assertThat(AgeBand.fromCode("10-15")).isEqualTo(AgeBand.FROM_10_TO_15);
        assertThat(AgeBand.fromCode("20+")).isEqualTo(AgeBand.OVER_20);
        assertThat(AgeBand.fromCode("over_20")).isEqualTo(AgeBand.OVER_20);
        assertThatThrownBy(() -> AgeBand.fromCode("10-20")).isInstanceOf(IllegalArgumentException.class);
    }
}
