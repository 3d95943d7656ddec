package cn.liftcare.policies;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import cn.liftcare.registry.AgeBand;
import cn.liftcare.registry.ElevatorType;
import cn.liftcare.shared.Money;

/**
 * Prices one elevator for a year: the expected maintenance fee, the expected part cost, the inspection fees
 * and the pension contribution, adjusted by experience, plus the loading. Pure: the same facts and table
 * always give the same quote.
 */
public final class Rating {

    private Rating() {
    }

    public static Quote quote(RateTable rates, RatingFacts facts) {
        AgeBand band = AgeBand.of(Math.max(0, facts.ageYears()));
        int extraStops = Math.max(0, facts.stops() - rates.baseStops());

        Money monthly = rates.maintenanceMonthly().get(facts.type())
                .plus(rates.maintenancePerStopMonthly().times(BigDecimal.valueOf(extraStops)));
        BigDecimal ageFactor = rates.maintenanceAgeFactor().get(band);
        Money maintenance = monthly.times(BigDecimal.valueOf(12)).times(ageFactor);

        BigDecimal stopsFactor = BigDecimal.ONE.add(rates.partsPerStop().multiply(BigDecimal.valueOf(extraStops)));
        int tier = rates.tierOf(facts.brand());
        BigDecimal partsFactor = rates.partsTypeFactor().get(facts.type()).multiply(stopsFactor)
                .multiply(rates.tierFactor().get(tier)).multiply(rates.useFactor().get(facts.useCategory()));
        Money parts = rates.partsBase().get(band).times(partsFactor);

        Money inspection = rates.inspection().get(band);
        Money pension = rates.pension().get(band);
        List<Quote.Component> components = List.of(
                new Quote.Component("quote.maintenance", maintenance, monthly + " × 12 × " + plain(ageFactor)
                        + " (" + facts.type() + ", " + facts.stops() + " stops, " + band.code() + ")"),
                new Quote.Component("quote.parts", parts, rates.partsBase().get(band) + " × " + plain(partsFactor)
                        + " (type, stops, brand tier " + tier + ", " + facts.useCategory() + ")"),
                new Quote.Component("quote.inspection", inspection, band.code()),
                new Quote.Component("quote.pension", pension, band.code()));
        Money subtotal = components.stream().map(Quote.Component::amount).reduce(Money.ZERO, Money::plus);

        BigDecimal experience = experienceFactor(rates.experience(), facts);
        Money adjusted = subtotal.times(experience);
        Money adjustment = adjusted.minus(subtotal);
        Money loading = adjusted.times(rates.loading());
        return new Quote(rates.version(), components, experience, adjustment, loading, adjusted.plus(loading));
    }

    static BigDecimal experienceFactor(RateTable.Experience rules, RatingFacts facts) {
        BigDecimal factor = BigDecimal.ONE;
        if (facts.faultsPerYear() != null) {
            BigDecimal excess = facts.faultsPerYear().subtract(rules.expectedFaultsPerYear());
            factor = factor.add(excess.multiply(rules.perExcessFault()));
        }
        if (facts.qualityGrade() != null) {
            factor = factor.multiply(rules.qualityGradeFactor().getOrDefault(facts.qualityGrade(), BigDecimal.ONE));
        }
        return factor.max(rules.minFactor()).min(rules.maxFactor()).setScale(4, RoundingMode.HALF_UP);
    }

    private static String plain(BigDecimal factor) {
        return factor.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
