package cn.liftcare.policies;

import java.math.BigDecimal;
import java.util.List;

import cn.liftcare.shared.Money;

/**
 * A premium with its calculation shown: each component with the basis it was computed from, the experience
 * factor, the loading, and the total, which is exactly their sum.
 */
public record Quote(String rateVersion, List<Component> components, BigDecimal experienceFactor,
        Money experienceAdjustment, Money loading, Money total) {

    /** A line of the calculation: a message key naming it, its amount, and how it was computed. */
    public record Component(String key, Money amount, String basis) {
    }

    public Money subtotal() {
        return components.stream().map(Component::amount).reduce(Money.ZERO, Money::plus);
    }
}
