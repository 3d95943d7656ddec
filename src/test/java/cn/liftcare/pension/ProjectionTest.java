package cn.liftcare.pension;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import cn.liftcare.policies.Product;
import cn.liftcare.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;

/** The projection against small cases computed by hand. */
class ProjectionTest {

    static final LocalDate START = LocalDate.of(2026, 1, 1);
    /** 300 a year under 10 years of age, 600 from 10. */
    static final IntFunction<Money> CONTRIBUTION = age -> Money.ofYuan(age < 10 ? 300 : 600);
    static final List<ComponentLife> LIVES = List.of(
            new ComponentLife(PensionComponent.DOOR_SYSTEM, 10, Money.ofYuan(10_000), "test"),
            new ComponentLife(PensionComponent.WHOLE_ELEVATOR, 25, Money.ofYuan(150_000), "test"));

    static Product.Pension pension() throws Exception {
        return CostSplitTest.shipped("2026-01");
    }

    @Test
    void oneElevatorOverThreeYears() throws Exception {
        // age 9 and 3 insured years at the start, 1,000 in reserve. Year 1: 300 in; the doors turn 10, cost 10,000,
        // the insurer pays 20% = 2,000; reserve -700. Year 2: age 10, 600 in; -100. Year 3: 600 in; 500.
        // Shortfalls in years 1 and 2; closing them needs max(700 / 1, 100 / 2) = 700 a year more.
        var e = new Projection.Elevator(1, START.minusYears(9), 3, Map.of(), Money.ofYuan(1_000));
        Projection.Result r = Projection.project(List.of(e), START, 3, LIVES, pension(), CONTRIBUTION);
        assertThat(r.years()).extracting(Projection.Year::contributions)
                .containsExactly(Money.ofYuan(300), Money.ofYuan(600), Money.ofYuan(600));
        assertThat(r.years()).extracting(Projection.Year::outlays)
                .containsExactly(Money.ofYuan(2_000), Money.ZERO, Money.ZERO);
        assertThat(r.years()).extracting(Projection.Year::reserve)
                .containsExactly(Money.ofYuan(-700), Money.ofYuan(-100), Money.ofYuan(500));
        assertThat(r.shortfallYears()).containsExactly(1, 2);
        assertThat(r.extraPerYear()).isEqualTo(Money.ofYuan(700));
        assertThat(r.outlays()).singleElement().satisfies(o -> {
            assertThat(o.component()).isEqualTo(PensionComponent.DOOR_SYSTEM);
            assertThat(o.year()).isEqualTo(1);
            assertThat(o.cost()).isEqualTo(Money.ofYuan(10_000));
        });
    }

    @Test
    void aWholeRenewalIsCappedResetsTheAgeAndItsComponents() throws Exception {
        // age 24 and 14 insured years: year 1 doors (age 24 -> 25 is not a multiple of 10, no), whole due at 25:
        // 60% of 150,000 = 90,000 (under the 150,000 cap). Then age 0: contributions 600, 300, 300; the doors, reset,
        // are not due within 3 years. Reserve 100,000 + 600 - 90,000 = 10,600; + 300 = 10,900; + 300 = 11,200.
        var e = new Projection.Elevator(2, START.minusYears(24), 14, Map.of(), Money.ofYuan(100_000));
        Projection.Result r = Projection.project(List.of(e), START, 3, LIVES, pension(), CONTRIBUTION);
        assertThat(r.outlays()).singleElement().satisfies(o -> {
            assertThat(o.component()).isEqualTo(PensionComponent.WHOLE_ELEVATOR);
            assertThat(o.insurerShare()).isEqualTo(Money.ofYuan(90_000));
        });
        assertThat(r.years()).extracting(Projection.Year::reserve)
                .containsExactly(Money.ofYuan(10_600), Money.ofYuan(10_900), Money.ofYuan(11_200));
        assertThat(r.shortfallYears()).isEmpty();
        assertThat(r.extraPerYear()).isEqualTo(Money.ZERO);
    }

    @Test
    void anElevatorPastItsLifeIsRenewedInTheFirstYearAndAComponentRenewedUnderACaseCountsFromThen() throws Exception {
        // two elevators: one 30 years old (whole overdue, 15+ years insured: 80%, capped at 150,000 -> 120,000),
        // one 8 years old whose doors were renewed 2 years ago (not due for 8 years); 0 insured years.
        var old = new Projection.Elevator(3, START.minusYears(30), 16, Map.of(), Money.ZERO);
        var young = new Projection.Elevator(4, START.minusYears(8), 0,
                Map.of(PensionComponent.DOOR_SYSTEM, START.minusYears(2)), Money.ZERO);
        Projection.Result r = Projection.project(List.of(old, young), START, 2, LIVES, pension(), CONTRIBUTION);
        assertThat(r.outlays()).extracting(Projection.Outlay::elevatorId, Projection.Outlay::year,
                Projection.Outlay::insurerShare).containsExactly(org.assertj.core.groups.Tuple.tuple(3L, 1,
                        Money.ofYuan(120_000)));
        // year 1: 600 + 300 in, 120,000 out: -119,100; year 2: 300 + 300 in: -118,500
        assertThat(r.years()).extracting(Projection.Year::reserve)
                .containsExactly(Money.ofYuan(-119_100), Money.ofYuan(-118_500));
        assertThat(r.extraPerYear()).isEqualTo(Money.ofYuan(119_100));
        assertThat(r.extraPerElevatorYear()).isEqualTo(Money.ofYuan(59_550));
    }
}
