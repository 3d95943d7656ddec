package cn.liftcare.pension;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import cn.liftcare.policies.Product;
import cn.liftcare.shared.Money;

/**
 * Projects pension reserves year by year against the renewals the elevators' ages make likely. Pure.
 * <p>
 * Year {@code y} runs from {@code start + (y-1)} years to {@code start + y} years. In it, each elevator earns the
 * contribution for its age at the year's start, and each component whose age reaches a multiple of its expected
 * life during the year is renewed at its typical cost (earlier renewals are taken to have happened on schedule, or
 * as a pension case recorded them). The whole elevator is renewed when it reaches its expected life, or in the first
 * year when it is already past it; that renews every component with it and restarts the elevator's age. The insurer
 * pays the schedule's share for the insured years then (continuing cover assumed), capped; the reserve carries
 * over, without interest or inflation. Where the reserve falls below zero is a shortfall, and the extra yearly
 * contribution that closes every shortfall is the largest deficit divided by the years it had to build up.
 */
public final class Projection {

    private Projection() {
    }

    /**
     * One insured elevator as the projection starts: the day its age counts from, its continuous insured years,
     * when components were last renewed under a case (if after the age basis), and its reserve.
     */
    public record Elevator(long elevatorId, LocalDate ageBasis, int continuousYears,
            Map<PensionComponent, LocalDate> renewed, Money reserve) {
    }

    /** An expected renewal: its year, cost, the insurer's share of it. */
    public record Outlay(long elevatorId, int year, PensionComponent component, Money cost, BigDecimal share,
            Money insurerShare) {
    }

    public record Year(int year, LocalDate from, Money contributions, Money cost, Money outlays, Money reserve,
            boolean shortfall) {
    }

    /**
     * @param extraPerYear the extra contribution a year, over all the elevators, that closes every shortfall
     * @param extraPerElevatorYear the same per elevator
     */
    public record Result(LocalDate start, int elevators, Money opening, List<Year> years, List<Outlay> outlays,
            List<Integer> shortfallYears, Money extraPerYear, Money extraPerElevatorYear) {
    }

    public static Result project(List<Elevator> elevators, LocalDate start, int horizon, List<ComponentLife> lives,
            Product.Pension pension, IntFunction<Money> contributionAtAge) {
        Money opening = elevators.stream().map(Elevator::reserve).reduce(Money.ZERO, Money::plus);
        Money[] contributions = new Money[horizon + 1];
        Money[] costs = new Money[horizon + 1];
        Money[] outlaysByYear = new Money[horizon + 1];
        for (int y = 1; y <= horizon; y++) {
            contributions[y] = Money.ZERO;
            costs[y] = Money.ZERO;
            outlaysByYear[y] = Money.ZERO;
        }
        List<Outlay> outlays = new ArrayList<>();
        ComponentLife whole = lives.stream().filter(l -> l.component() == PensionComponent.WHOLE_ELEVATOR).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no life for the whole elevator"));
        for (Elevator e : elevators) {
            int age = Math.max(0, Period.between(e.ageBasis(), start).getYears());
            Map<PensionComponent, Integer> ages = new EnumMap<>(PensionComponent.class);
            for (ComponentLife l : lives) {
                LocalDate since = e.renewed().get(l.component());
                ages.put(l.component(), since != null && since.isAfter(e.ageBasis())
                        ? Math.max(0, Period.between(since, start).getYears()) : age);
            }
            for (int y = 1; y <= horizon; y++) {
                contributions[y] = contributions[y].plus(contributionAtAge.apply(age));
                int insuredYears = e.continuousYears() + y - 1;
                int wholeAge = ages.get(PensionComponent.WHOLE_ELEVATOR);
                boolean wholeDue = wholeAge + 1 == whole.expectedLifeYears() || y == 1 && wholeAge >= whole.expectedLifeYears();
                if (wholeDue) {
                    outlays.add(outlay(e, y, whole, insuredYears, pension));
                    ages.replaceAll((c, a) -> 0);
                    age = 0;
                }
                else {
                    for (ComponentLife l : lives) {
                        if (l.component() == PensionComponent.WHOLE_ELEVATOR) {
                            continue;
                        }
                        int next = ages.get(l.component()) + 1;
                        if (next % l.expectedLifeYears() == 0) {
                            outlays.add(outlay(e, y, l, insuredYears, pension));
                            ages.put(l.component(), 0);
                        }
                        else {
                            ages.put(l.component(), next);
                        }
                    }
                    ages.put(PensionComponent.WHOLE_ELEVATOR, wholeAge + 1);
                    age++;
                }
            }
        }
        for (Outlay o : outlays) {
            costs[o.year()] = costs[o.year()].plus(o.cost());
            outlaysByYear[o.year()] = outlaysByYear[o.year()].plus(o.insurerShare());
        }
        List<Year> years = new ArrayList<>();
        List<Integer> shortfalls = new ArrayList<>();
        Money reserve = opening;
        Money extra = Money.ZERO;
        for (int y = 1; y <= horizon; y++) {
            reserve = reserve.plus(contributions[y]).minus(outlaysByYear[y]);
            boolean shortfall = reserve.isNegative();
            if (shortfall) {
                shortfalls.add(y);
                Money needed = Money.of(reserve.negate().amount().divide(BigDecimal.valueOf(y), 2, RoundingMode.CEILING));
                extra = extra.max(needed);
            }
            years.add(new Year(y, start.plusYears(y - 1), contributions[y], costs[y], outlaysByYear[y], reserve, shortfall));
        }
        Money perElevator = elevators.isEmpty() ? Money.ZERO
                : Money.of(extra.amount().divide(BigDecimal.valueOf(elevators.size()), 2, RoundingMode.CEILING));
        return new Result(start, elevators.size(), opening, List.copyOf(years), List.copyOf(outlays),
                List.copyOf(shortfalls), extra, perElevator);
    }

    private static Outlay outlay(Elevator e, int year, ComponentLife life, int insuredYears, Product.Pension pension) {
        BigDecimal share = pension.shareAfter(insuredYears);
        Money cap = pension.caps().get(life.component().capKey());
        Money insurer = life.typicalCost().times(share);
        return new Outlay(e.elevatorId(), year, life.component(), life.typicalCost(), share,
                cap == null ? insurer : insurer.min(cap));
    }
}
