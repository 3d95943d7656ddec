package cn.liftcare.policies;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import cn.liftcare.registry.AgeBand;
import cn.liftcare.registry.ElevatorType;
import cn.liftcare.registry.UseCategory;
import cn.liftcare.shared.Money;

/**
 * One version of the rates, in force from a date. Amounts are yuan a year unless named monthly; factors
 * multiply. The defaults (resources/policies/rate-table-*.json) are calibrated to the brief: a 10-year-old
 * residential traction elevator of 18 stops near 9,400 yuan, a 3-year-old well under 5,000. The first version
 * (2017-09), for Gongshu's first policies, has lower fees, a heavier loading and no experience rating yet.
 *
 * @param maintenanceMonthly the maintenance fee per month by type, for {@code baseStops} stops
 * @param maintenancePerStopMonthly the monthly fee for each stop above {@code baseStops}
 * @param maintenanceAgeFactor older elevators need more maintenance (the brief: +10–30% over 5 years)
 * @param partsBase the expected part cost a year of a traction elevator of {@code baseStops} stops, by age band
 * @param partsTypeFactor other types relative to traction
 * @param partsPerStop the share added per stop above {@code baseStops}
 * @param brandTier each brand's tier (1 imported, 2 joint venture, 3 domestic); unknown brands are tier 2
 * @param tierFactor the parts factor of each tier
 * @param useFactor heavier use wears parts faster
 * @param inspection periodic inspection and self-test fees a year, by age band (yearly inspection after 15)
 * @param pension the pension contribution a year, by age band
 * @param loading expenses and profit, on the sum of the components
 */
public record RateTable(String version, LocalDate effectiveFrom, int baseStops,
        Map<ElevatorType, Money> maintenanceMonthly, Money maintenancePerStopMonthly,
        Map<AgeBand, BigDecimal> maintenanceAgeFactor, Map<AgeBand, Money> partsBase,
        Map<ElevatorType, BigDecimal> partsTypeFactor, BigDecimal partsPerStop, Map<String, Integer> brandTier,
        Map<Integer, BigDecimal> tierFactor, Map<UseCategory, BigDecimal> useFactor, Map<AgeBand, Money> inspection,
        Map<AgeBand, Money> pension, BigDecimal loading, Experience experience) {

    /**
     * How history moves the price: faults per elevator-year against the expected rate, each excess fault
     * adding {@code perExcessFault}, bounded; and the maintenance company's quality grade.
     */
    public record Experience(BigDecimal expectedFaultsPerYear, BigDecimal perExcessFault, BigDecimal minFactor,
            BigDecimal maxFactor, Map<String, BigDecimal> qualityGradeFactor) {
    }

    public int tierOf(String brand) {
        return brandTier.getOrDefault(brand, 2);
    }
}
