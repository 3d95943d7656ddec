package cn.liftcare.pension;

import cn.liftcare.shared.Money;

/**
 * What the projection assumes of a component: its expected life in years, and a typical installed cost of
 * its renewal, with where the figures come from.
 */
public record ComponentLife(PensionComponent component, int expectedLifeYears, Money typicalCost, String basis) {

    public ComponentLife {
        if (expectedLifeYears < 1) {
            throw new IllegalArgumentException("an expected life is at least a year: " + component);
        }
    }
}
