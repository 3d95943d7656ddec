package cn.liftcare.policies;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import cn.liftcare.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;

class ProRataTest {

    @ParameterizedTest(name = "{0} of a term from {1}: {3} to {4} = {5}")
    @CsvSource({
            // annual, term start, term end, from, to, expected
            "3650.00, 2026-01-01, 2027-01-01, 2026-01-01, 2027-01-01, 3650.00",
            "3650.00, 2026-01-01, 2027-01-01, 2026-12-31, 2027-01-01, 10.00",
            "3650.00, 2026-01-01, 2027-01-01, 2026-01-01, 2026-01-02, 10.00",
            "3650.00, 2026-01-01, 2027-01-01, 2026-07-01, 2027-01-01, 1840.00",
            // a leap year has 366 days: one day of 3,660 is 10
            "3660.00, 2028-01-01, 2029-01-01, 2028-02-29, 2028-03-01, 10.00",
            "3660.00, 2028-01-01, 2029-01-01, 2028-03-01, 2029-01-01, 3060.00",
            // a term across 29 February 2028
            "9357.69, 2027-09-01, 2028-09-01, 2028-03-01, 2028-09-01, 4704.41",
            // rounding half-up to the fen
            "100.00, 2026-01-01, 2027-01-01, 2026-12-30, 2027-01-01, 0.55",
            // outside the term, or empty
            "100.00, 2026-01-01, 2027-01-01, 2027-01-01, 2027-02-01, 0.00",
            "100.00, 2026-01-01, 2027-01-01, 2026-05-01, 2026-05-01, 0.00",
            "100.00, 2026-01-01, 2027-01-01, 2025-06-01, 2026-01-02, 0.27"})
    void premiumForPartOfATermIsByDays(String annual, LocalDate start, LocalDate end, LocalDate from, LocalDate to,
            String expected) {
        assertThat(ProRata.of(Money.of(annual), start, end, from, to)).isEqualByComparingTo(Money.of(expected));
    }

    @Test
    void aRemovalAndTheRestAddUpToTheYear() {
        Money annual = Money.of("9357.69");
        LocalDate start = LocalDate.of(2028, 1, 1);
        LocalDate end = LocalDate.of(2029, 1, 1);
        for (LocalDate day = start; day.isBefore(end); day = day.plusDays(17)) {
            Money earned = ProRata.of(annual, start, end, start, day);
            Money unearned = ProRata.of(annual, start, end, day, end);
            assertThat(earned.plus(unearned).minus(annual).amount().abs()).isLessThanOrEqualTo(new java.math.BigDecimal("0.01"));
        }
    }
}
