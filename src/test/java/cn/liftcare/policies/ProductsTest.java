package cn.liftcare.policies;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.liftcare.policies.Product.Exclusion;
import cn.liftcare.policies.Product.SectionCode;
import cn.liftcare.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped product holds the brief's terms, and its pension share grows with continuous insured years. */
class ProductsTest {

    static final Product PRODUCT = new Products().inForceOn(LocalDate.of(2026, 11, 29));

    @Test
    void theProductHasItsFiveSectionsAndTheBriefsLimitsAndExclusions() {
        assertThat(PRODUCT.sections()).extracting(Product.Section::code).containsExactly(SectionCode.values());
        assertThat(PRODUCT.perElevatorAnnualLimit()).isEqualTo(Money.ofYuan(150_000));
        assertThat(PRODUCT.commitmentYears()).isEqualTo(15);
        assertThat(PRODUCT.section(SectionCode.PARTS).exclusions()).containsExactlyInAnyOrder(Exclusion.values());
        assertThat(PRODUCT.section(SectionCode.MAINTENANCE_FEE).annualLimit()).isNull();
        assertThat(PRODUCT.section(SectionCode.LIABILITY).fixedPayment()).as("per entrapment")
                .isEqualTo(Money.ofYuan(300));
        assertThat(PRODUCT.pension().caps()).containsEntry("WHOLE_REPLACEMENT", Money.ofYuan(150_000))
                .containsEntry("MAJOR_COMPONENT", Money.ofYuan(60_000));
    }

    @Test
    void thePensionShareStepsUpAtThreeFiveTenAndFifteenYears() {
        int[] years = {0, 2, 3, 4, 5, 9, 10, 14, 15, 30};
        String[] shares = {"0", "0", "0.20", "0.20", "0.40", "0.40", "0.60", "0.60", "0.80", "0.80"};
        for (int i = 0; i < years.length; i++) {
            assertThat(PRODUCT.pension().shareAfter(years[i])).as(years[i] + " years")
                    .isEqualByComparingTo(new BigDecimal(shares[i]));
        }
    }

    @Test
    void theFirstVersionOf2017HasTheSameCoverAndNoSubsidy() {
        Products products = new Products();
        assertThat(products.versions()).extracting(Product::version).containsExactly("2017-09", "2026-01");
        Product first = products.inForceOn(LocalDate.of(2017, 9, 5));
        assertThat(first.version()).isEqualTo("2017-09");
        assertThat(first.sections()).isEqualTo(PRODUCT.sections());
        assertThat(first.pension()).isEqualTo(PRODUCT.pension());
        assertThat(first.perElevatorAnnualLimit()).isEqualTo(PRODUCT.perElevatorAnnualLimit());
        assertThat(first.graceDays()).isEqualTo(30);
        assertThat(first.subsidy().of(Money.ofYuan(9_420), true)).isEqualTo(Money.ZERO);
        assertThat(PRODUCT.subsidy().of(Money.ofYuan(9_420), true)).isEqualTo(Money.of("942.00"));
        assertThatThrownBy(() -> products.inForceOn(LocalDate.of(2017, 8, 31))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPolicyKeepsTheVersionInForceWhenItWasWritten() {
        Product later = new Product("2027-01", LocalDate.of(2027, 1, 1), PRODUCT.nameZh(), PRODUCT.nameEn(), 15,
                Money.ofYuan(200_000), PRODUCT.sections(), PRODUCT.pension(), 30, PRODUCT.subsidy());
        Products products = new Products(java.util.List.of(later, PRODUCT));
        assertThat(products.inForceOn(LocalDate.of(2026, 12, 31)).version()).isEqualTo("2026-01");
        assertThat(products.inForceOn(LocalDate.of(2027, 1, 1)).perElevatorAnnualLimit()).isEqualTo(Money.ofYuan(200_000));
        assertThatThrownBy(() -> products.inForceOn(LocalDate.of(2025, 12, 31))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PRODUCT.section(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
