package cn.liftcare.policies;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.liftcare.shared.Money;
import cn.liftcare.shared.ValidationFailedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Instalments and payer splits always add up to the whole, to the fen. */
class BillingMathsTest {

    @Test
    void instalmentsAddUpAndFallDueEachPeriod() {
        List<Instalments.Instalment> four = Instalments.split(Money.of("9357.69"), 4, LocalDate.of(2026, 1, 31));
        assertThat(four).extracting(Instalments.Instalment::amount)
                .containsExactly(Money.of("2339.43"), Money.of("2339.42"), Money.of("2339.42"), Money.of("2339.42"));
        assertThat(four).extracting(Instalments.Instalment::dueOn).containsExactly(LocalDate.of(2026, 1, 31),
                LocalDate.of(2026, 4, 30), LocalDate.of(2026, 7, 31), LocalDate.of(2026, 10, 31));
        List<Instalments.Instalment> twelve = Instalments.split(Money.of("100.00"), 12, LocalDate.of(2026, 1, 1));
        assertThat(twelve.stream().map(Instalments.Instalment::amount).reduce(Money.ZERO, Money::plus))
                .isEqualByComparingTo(Money.of("100.00"));
        assertThat(twelve.get(0).amount()).isEqualTo(Money.of("8.37"));
        assertThatThrownBy(() -> Instalments.split(Money.of("1"), 3, LocalDate.of(2026, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSubsidyComesFirstAndTheRestFollowsTheShares() {
        List<PayerShare> payers = List.of(new PayerShare(PayerSource.MAINTENANCE_FUND, new BigDecimal("30")),
                new PayerShare(PayerSource.COMMON_INCOME, new BigDecimal("70")));
        Map<PayerSource, Money> parts = PayerSplit.split(Money.of("37430.76"), Money.of("3743.08"), payers);
        assertThat(parts).containsEntry(PayerSource.SUBSIDY, Money.of("3743.08"))
                .containsEntry(PayerSource.MAINTENANCE_FUND, Money.of("10106.30"))
                .containsEntry(PayerSource.COMMON_INCOME, Money.of("23581.38"));
        assertThat(parts.values().stream().reduce(Money.ZERO, Money::plus)).isEqualByComparingTo(Money.of("37430.76"));
        Map<PayerSource, Money> thirds = PayerSplit.split(Money.of("100.00"), Money.ZERO,
                List.of(new PayerShare(PayerSource.MAINTENANCE_FUND, new BigDecimal("33.33")),
                        new PayerShare(PayerSource.COMMON_INCOME, new BigDecimal("33.33")),
                        new PayerShare(PayerSource.PROPERTY_COMPANY, new BigDecimal("33.34"))));
        assertThat(thirds.values().stream().reduce(Money.ZERO, Money::plus)).isEqualByComparingTo(Money.of("100.00"));
    }

    @Test
    void sharesMustBeDistinctPayersAddingUpToAHundred() {
        assertThatThrownBy(() -> PayerSplit.check(List.of(new PayerShare(PayerSource.MAINTENANCE_FUND, new BigDecimal("30")))))
                .isInstanceOf(ValidationFailedException.class);
        assertThatThrownBy(() -> PayerSplit.check(List.of(new PayerShare(PayerSource.SUBSIDY, new BigDecimal("100")))))
                .isInstanceOf(ValidationFailedException.class);
        assertThatThrownBy(() -> PayerSplit.check(List.of(new PayerShare(PayerSource.COMMON_INCOME, new BigDecimal("50")),
                new PayerShare(PayerSource.COMMON_INCOME, new BigDecimal("50"))))).isInstanceOf(ValidationFailedException.class);
        PayerSplit.check(List.of(new PayerShare(PayerSource.PROPERTY_COMPANY, new BigDecimal("100.00"))));
    }

    @Test
    void theSubsidyIsATenthUpToItsCapForMonitoredElevators() {
        Product.Subsidy rule = new Product.Subsidy(new BigDecimal("0.10"), Money.ofYuan(1000), true);
        assertThat(rule.of(Money.of("9357.69"), true)).isEqualTo(Money.of("935.77"));
        assertThat(rule.of(Money.of("12500.00"), true)).isEqualTo(Money.ofYuan(1000));
        assertThat(rule.of(Money.of("9357.69"), false)).isEqualTo(Money.ZERO);
    }
}
