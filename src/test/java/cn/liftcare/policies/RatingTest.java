package cn.liftcare.policies;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.liftcare.registry.ElevatorType;
import cn.liftcare.registry.UseCategory;
import cn.liftcare.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped rates price as the brief reports, and every quote shows a calculation that adds up. */
class RatingTest {

    static final RateTables TABLES = new RateTables();
    static final RateTable RATES = TABLES.inForceOn(LocalDate.of(2026, 11, 29));

    static RatingFacts residential(int age, int stops, String brand) {
        return new RatingFacts(ElevatorType.TRACTION, age, brand, stops, UseCategory.RESIDENTIAL, null, null);
    }

    @Test
    void aTenYearOldResidentialTractionElevatorOfEighteenStopsCostsAboutNineThousandFourHundred() {
        Quote quote = Rating.quote(RATES, residential(10, 18, "西子奥的斯"));
        // Gongshu's old elevators: 9,420–10,000 yuan a year
        assertThat(quote.total().amount()).isBetween(new BigDecimal("9200"), new BigDecimal("9600"));
        assertThat(quote.rateVersion()).isEqualTo("2026-01");
    }

    @Test
    void theFirstTablesOf2017PriceTheFirstPoliciesNearTheirNineThousandFourHundredAndTwentyYuan() {
        RateTable first = TABLES.inForceOn(LocalDate.of(2017, 9, 5));
        assertThat(first.version()).isEqualTo("2017-09");
        assertThat(TABLES.versions()).extracting(RateTable::version).containsExactly("2017-09", "2026-01");
        Quote quote = Rating.quote(first, residential(10, 18, "西子奥的斯"));
        // 大浒东苑, 5 Sep 2017: one elevator, ten years old, 9,420 yuan a year
        assertThat(quote.total().amount()).isBetween(new BigDecimal("9300"), new BigDecimal("9550"));
        Quote withHistory = Rating.quote(first, new RatingFacts(ElevatorType.TRACTION, 10, "西子奥的斯", 18,
                UseCategory.RESIDENTIAL, new BigDecimal("3.9"), "D"));
        assertThat(withHistory.experienceFactor()).as("no experience rating before the platform's fault data")
                .isEqualByComparingTo("1");
        assertThat(withHistory.total()).isEqualTo(quote.total());
        assertThat(Rating.quote(first, residential(3, 18, "西子奥的斯")).total()).isLessThan(quote.total());
    }

    @Test
    void newerElevatorsCostLessAndOlderOnesMore() {
        Money three = Rating.quote(RATES, residential(3, 18, "西子奥的斯")).total();
        Money ten = Rating.quote(RATES, residential(10, 18, "西子奥的斯")).total();
        Money eighteen = Rating.quote(RATES, residential(18, 18, "西子奥的斯")).total();
        Money twentyFive = Rating.quote(RATES, residential(25, 18, "西子奥的斯")).total();
        assertThat(three.amount()).isLessThan(new BigDecimal("4600"));
        assertThat(three).isLessThan(ten);
        assertThat(ten).isLessThan(eighteen);
        assertThat(eighteen).isLessThan(twentyFive);
    }

    @Test
    void moreStopsImportedBrandsAndHeavierUseCostMore() {
        Money eighteen = Rating.quote(RATES, residential(10, 18, "西子奥的斯")).total();
        assertThat(Rating.quote(RATES, residential(10, 6, "西子奥的斯")).total()).isLessThan(eighteen);
        assertThat(Rating.quote(RATES, residential(10, 18, "三菱")).total()).isGreaterThan(eighteen);
        assertThat(Rating.quote(RATES, residential(10, 18, "康力")).total()).isLessThan(eighteen);
        assertThat(Rating.quote(RATES, residential(10, 18, "无名品牌")).total()).as("unknown brands are tier 2")
                .isEqualTo(eighteen);
        assertThat(Rating.quote(RATES, new RatingFacts(ElevatorType.TRACTION, 10, "西子奥的斯", 18, UseCategory.HOSPITAL,
                null, null)).total()).isGreaterThan(eighteen);
    }

    @Test
    void theTotalIsExactlyTheComponentsAdjustedAndLoaded() {
        Quote quote = Rating.quote(RATES, new RatingFacts(ElevatorType.TRACTION, 12, "三菱", 24, UseCategory.OFFICE,
                new BigDecimal("2.3"), "C"));
        assertThat(quote.components()).extracting(Quote.Component::key)
                .containsExactly("quote.maintenance", "quote.parts", "quote.inspection", "quote.pension");
        assertThat(quote.components()).allSatisfy(c -> assertThat(c.basis()).isNotBlank());
        assertThat(quote.subtotal().plus(quote.experienceAdjustment()).plus(quote.loading())).isEqualTo(quote.total());
        assertThat(quote.total().amount().scale()).isEqualTo(2);
    }

    @Test
    void faultHistoryAndTheMaintenanceCompanysGradeMoveThePriceWithinBounds() {
        Money plain = Rating.quote(RATES, residential(10, 18, "西子奥的斯")).total();
        Quote troubled = Rating.quote(RATES, new RatingFacts(ElevatorType.TRACTION, 10, "西子奥的斯", 18,
                UseCategory.RESIDENTIAL, new BigDecimal("3.9"), null));
        assertThat(troubled.experienceFactor()).isEqualByComparingTo("1.15");
        assertThat(troubled.total()).isGreaterThan(plain);
        Quote calm = Rating.quote(RATES, new RatingFacts(ElevatorType.TRACTION, 10, "西子奥的斯", 18,
                UseCategory.RESIDENTIAL, new BigDecimal("0.2"), "A"));
        assertThat(calm.total()).isLessThan(plain);
        Quote awful = Rating.quote(RATES, new RatingFacts(ElevatorType.TRACTION, 10, "西子奥的斯", 18,
                UseCategory.RESIDENTIAL, new BigDecimal("40"), "D"));
        assertThat(awful.experienceFactor()).as("capped").isEqualByComparingTo("1.30");
        Quote perfect = Rating.quote(RATES, new RatingFacts(ElevatorType.TRACTION, 10, "西子奥的斯", 18,
                UseCategory.RESIDENTIAL, BigDecimal.ZERO, "A"));
        assertThat(perfect.experienceFactor()).isEqualByComparingTo("0.9073");
        RateTable.Experience strict = new RateTable.Experience(new BigDecimal("0.9"), new BigDecimal("0.05"),
                new BigDecimal("0.95"), new BigDecimal("1.10"), java.util.Map.of("A", new BigDecimal("0.95")));
        assertThat(Rating.experienceFactor(strict, new RatingFacts(ElevatorType.TRACTION, 10, "x", 18,
                UseCategory.RESIDENTIAL, BigDecimal.ZERO, "A"))).as("floored").isEqualByComparingTo("0.95");
    }

    @Test
    void theVersionInForceIsTheLatestThatTookEffect() {
        RateTable older = new RateTable("2025-01", LocalDate.of(2025, 1, 1), RATES.baseStops(),
                RATES.maintenanceMonthly(), RATES.maintenancePerStopMonthly(), RATES.maintenanceAgeFactor(),
                RATES.partsBase(), RATES.partsTypeFactor(), RATES.partsPerStop(), RATES.brandTier(), RATES.tierFactor(),
                RATES.useFactor(), RATES.inspection(), RATES.pension(), RATES.loading(), RATES.experience());
        RateTables tables = new RateTables(java.util.List.of(RATES, older));
        assertThat(tables.inForceOn(LocalDate.of(2025, 6, 1)).version()).isEqualTo("2025-01");
        assertThat(tables.inForceOn(LocalDate.of(2026, 1, 1)).version()).isEqualTo("2026-01");
        assertThatThrownBy(() -> tables.inForceOn(LocalDate.of(2024, 12, 31))).isInstanceOf(IllegalStateException.class);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "grade {0} multiplies by {1}")
    @org.junit.jupiter.params.provider.CsvSource({"A, 0.95", "B, 1.00", "C, 1.05", "D, 1.15"})
    void eachQualityGradeMultipliesThePremiumByItsFactorAndNoGradeIsNeutral(String grade, BigDecimal factor) {
        // a fault history exactly at the expected rate, so only the grade moves the experience factor
        BigDecimal expected = RATES.experience().expectedFaultsPerYear();
        Quote ungraded = Rating.quote(RATES, new RatingFacts(ElevatorType.TRACTION, 10, "西子奥的斯", 18,
                UseCategory.RESIDENTIAL, expected, null));
        assertThat(ungraded.experienceFactor()).isEqualByComparingTo("1");
        assertThat(ungraded.experienceAdjustment()).isEqualTo(Money.ZERO);
        assertThat(RATES.experience().qualityGradeFactor().get(grade)).isEqualByComparingTo(factor);
        Quote graded = Rating.quote(RATES, new RatingFacts(ElevatorType.TRACTION, 10, "西子奥的斯", 18,
                UseCategory.RESIDENTIAL, expected, grade));
        assertThat(graded.experienceFactor()).isEqualByComparingTo(factor);
        assertThat(graded.subtotal()).isEqualTo(ungraded.subtotal());
        assertThat(graded.experienceAdjustment()).isEqualTo(graded.subtotal().times(factor).minus(graded.subtotal()));
        Money adjusted = graded.subtotal().times(factor);
        assertThat(graded.total()).isEqualTo(adjusted.plus(adjusted.times(RATES.loading())));
        assertThat(graded.total().compareTo(ungraded.total())).isEqualTo(factor.compareTo(BigDecimal.ONE));
        assertThat(Rating.quote(RATES, new RatingFacts(ElevatorType.TRACTION, 10, "西子奥的斯", 18,
                UseCategory.RESIDENTIAL, expected, "E")).total()).as("a grade the table does not name is neutral")
                .isEqualTo(ungraded.total());
    }
}
