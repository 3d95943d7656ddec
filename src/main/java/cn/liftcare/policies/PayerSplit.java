package cn.liftcare.policies;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.liftcare.shared.Money;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/**
 * Splits an amount between the payers: the subsidy first, then the rest by the payers' percentages. The
 * fen lost to rounding goes to the first payer, so the parts always add up to the whole.
 */
public final class PayerSplit {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PayerSplit() {
    }

    public static void check(List<PayerShare> payers) {
        List<Violation> violations = new ArrayList<>();
        if (payers == null || payers.isEmpty()) {
            throw new ValidationFailedException(Violation.of("payers", "policy.payers.required"));
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < payers.size(); i++) {
            PayerShare p = payers.get(i);
            if (p == null || p.source() == null || p.source() == PayerSource.SUBSIDY) {
                violations.add(Violation.of("payers[" + i + "].source", "policy.payers.source"));
            }
            else if (p.percent() == null || p.percent().signum() <= 0 || p.percent().compareTo(HUNDRED) > 0
                    || p.percent().scale() > 2) {
                violations.add(Violation.of("payers[" + i + "].percent", "policy.payers.percent"));
            }
            else {
                sum = sum.add(p.percent());
            }
        }
        if (payers.stream().filter(p -> p != null && p.source() != null).map(PayerShare::source).distinct().count()
                != payers.size()) {
            violations.add(Violation.of("payers", "policy.payers.duplicate"));
        }
        if (violations.isEmpty() && sum.compareTo(HUNDRED) != 0) {
            violations.add(Violation.of("payers", "policy.payers.sum", sum.toPlainString()));
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
    }

    /** The amount per payer, subsidy first when there is one; zero parts are left out. */
    public static Map<PayerSource, Money> split(Money total, Money subsidy, List<PayerShare> payers) {
        Map<PayerSource, Money> parts = new LinkedHashMap<>();
        if (subsidy.signum() != 0) {
            parts.put(PayerSource.SUBSIDY, subsidy);
        }
        Money rest = total.minus(subsidy);
        Money assigned = Money.ZERO;
        Map<PayerSource, Money> shares = new LinkedHashMap<>();
        for (PayerShare p : payers) {
            Money part = rest.times(p.percent().divide(HUNDRED));
            shares.put(p.source(), part);
            assigned = assigned.plus(part);
        }
        PayerSource first = payers.get(0).source();
        shares.put(first, shares.get(first).plus(rest.minus(assigned)));
        shares.forEach((source, part) -> {
            if (part.signum() != 0) {
                parts.put(source, part);
            }
        });
        return parts;
    }
}
