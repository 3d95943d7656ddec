package cn.liftcare.pension;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import cn.liftcare.policies.PayerSource;
import cn.liftcare.policies.Product;
import cn.liftcare.shared.Money;

/**
 * How an approved cost is shared: the insurer's share is the schedule's share for the continuous insured years
 * times the cost, capped per kind of event; it comes out of the elevator's reserve as far as the reserve goes, and
 * the rest is the insurer's expense. The owners pay the remainder, split over their funding sources by percent
 * (the last source takes the odd fen). Pure.
 */
public record CostSplit(int continuousYears, BigDecimal share, Money cap, Money cost, Money insurerShare,
        Money reserveUsed, Money beyondReserve, Money ownersShare, List<Part> funding) {

    /** What one funding source pays of the owners' share. */
    public record Part(PayerSource source, BigDecimal percent, Money amount) {
    }

    /** One funding source's percentage of the owners' share. */
    public record Funding(PayerSource source, BigDecimal percent) {
    }

    public static CostSplit of(Product.Pension pension, PensionComponent component, int continuousYears, Money cost,
            Money reserve, List<Funding> funding) {
        if (cost.signum() <= 0) {
            throw new IllegalArgumentException("a cost to share is positive");
        }
        BigDecimal share = pension.shareAfter(continuousYears);
        Money cap = pension.caps().get(component.capKey());
        if (cap == null) {
            throw new IllegalStateException("the product caps no " + component.capKey());
        }
        Money insurer = cost.times(share).min(cap);
        Money used = insurer.min(reserve.max(Money.ZERO));
        Money owners = cost.minus(insurer);
        List<Part> parts = new ArrayList<>();
        Money assigned = Money.ZERO;
        for (int i = 0; i < funding.size(); i++) {
            Funding f = funding.get(i);
            Money amount = i == funding.size() - 1 ? owners.minus(assigned)
                    : owners.times(f.percent().divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP));
            assigned = assigned.plus(amount);
            parts.add(new Part(f.source(), f.percent(), amount));
        }
        return new CostSplit(continuousYears, share, cap, cost, insurer, used, insurer.minus(used), owners,
                List.copyOf(parts));
    }
}
