package cn.liftcare.pension;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.json.JsonMapper;

import cn.liftcare.policies.PayerSource;
import cn.liftcare.policies.Product;
import cn.liftcare.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped schedule at every boundary year, the caps, and the split of a cost. */
class CostSplitTest {

    static Product.Pension shipped(String version) throws Exception {
        try (InputStream in = CostSplitTest.class.getResourceAsStream("/policies/product-" + version + ".json")) {
            return JsonMapper.builder().build().readValue(in, Product.class).pension();
        }
    }

    static final List<CostSplit.Funding> FUND_AND_INCOME = List.of(
            new CostSplit.Funding(PayerSource.MAINTENANCE_FUND, new BigDecimal("30")),
            new CostSplit.Funding(PayerSource.COMMON_INCOME, new BigDecimal("70")));

    @ParameterizedTest(name = "{0} continuous years: {1}")
    @CsvSource({"0, 0.00", "1, 0.00", "2, 0.00", "3, 0.20", "4, 0.20", "5, 0.40", "9, 0.40", "10, 0.60", "14, 0.60",
            "15, 0.80", "16, 0.80", "30, 0.80"})
    void theScheduleAtEveryBoundary(int years, String share) throws Exception {
        for (String version : List.of("2017-09", "2026-01")) {
            assertThat(shipped(version).shareAfter(years)).as(version).isEqualByComparingTo(share);
            CostSplit split = CostSplit.of(shipped(version), PensionComponent.DOOR_SYSTEM, years, Money.ofYuan(10_000),
                    Money.ofYuan(100_000), FUND_AND_INCOME);
            assertThat(split.insurerShare()).isEqualTo(Money.of(new BigDecimal(share).multiply(BigDecimal.valueOf(10_000))));
        }
    }

    @Test
    void aWholeReplacementIsCappedAt150000AndAComponentAt60000() throws Exception {
        Product.Pension pension = shipped("2026-01");
        CostSplit whole = CostSplit.of(pension, PensionComponent.WHOLE_ELEVATOR, 15, Money.ofYuan(300_000),
                Money.ofYuan(500_000), FUND_AND_INCOME);
        assertThat(whole.insurerShare()).as("80% of 300,000 is 240,000, capped").isEqualTo(Money.ofYuan(150_000));
        assertThat(whole.ownersShare()).isEqualTo(Money.ofYuan(150_000));
        CostSplit drive = CostSplit.of(pension, PensionComponent.DRIVE_MACHINE, 10, Money.ofYuan(120_000),
                Money.ofYuan(500_000), FUND_AND_INCOME);
        assertThat(drive.insurerShare()).as("60% of 120,000 is 72,000, capped").isEqualTo(Money.ofYuan(60_000));
        CostSplit under = CostSplit.of(pension, PensionComponent.DRIVE_MACHINE, 10, Money.ofYuan(99_999),
                Money.ofYuan(500_000), FUND_AND_INCOME);
        assertThat(under.insurerShare()).as("just under the cap").isEqualTo(Money.of("59999.40"));
    }

    @Test
    void theReserveGoesFirstAndTheOwnersShareSplitsToTheFen() throws Exception {
        CostSplit split = CostSplit.of(shipped("2026-01"), PensionComponent.CONTROLLER, 5, Money.of("23333.33"),
                Money.of("4000.00"), List.of(new CostSplit.Funding(PayerSource.MAINTENANCE_FUND, new BigDecimal("33.33")),
                        new CostSplit.Funding(PayerSource.COMMON_INCOME, new BigDecimal("33.33")),
                        new CostSplit.Funding(PayerSource.PROPERTY_COMPANY, new BigDecimal("33.34"))));
        assertThat(split.insurerShare()).isEqualTo(Money.of("9333.33"));
        assertThat(split.reserveUsed()).isEqualTo(Money.of("4000.00"));
        assertThat(split.beyondReserve()).isEqualTo(Money.of("5333.33"));
        assertThat(split.ownersShare()).isEqualTo(Money.of("14000.00"));
        Money funded = split.funding().stream().map(CostSplit.Part::amount).reduce(Money.ZERO, Money::plus);
        assertThat(funded).isEqualTo(split.ownersShare());
        assertThat(split.insurerShare().plus(split.ownersShare())).isEqualTo(split.cost());
        assertThat(split.funding().get(0).amount()).isEqualTo(Money.of("4666.20"));
        assertThat(split.funding().get(2).amount()).isEqualTo(Money.of("4667.60"));
    }

    @Test
    void aNegativeOrEmptyReserveIsNotDrawn() throws Exception {
        CostSplit split = CostSplit.of(shipped("2026-01"), PensionComponent.BUFFERS, 3, Money.ofYuan(5_000),
                Money.ofYuan(-10), FUND_AND_INCOME);
        assertThat(split.reserveUsed()).isEqualTo(Money.ZERO);
        assertThat(split.beyondReserve()).isEqualTo(Money.ofYuan(1_000));
    }
}
