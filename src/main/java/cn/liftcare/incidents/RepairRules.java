package cn.liftcare.incidents;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.liftcare.shared.Money;
import cn.liftcare.shared.Violation;

/** What a completed repair must say, live or imported: diagnosis, fault location, labour, catalogue parts. */
final class RepairRules {

    private RepairRules() {
    }

    /**
     * Adds a violation for each broken rule, each field named under {@code prefix}.
     * @return the part lines priced beside their guide prices
     */
    static List<RepairPart> check(String prefix, String diagnosis, FaultLocation faultLocation, BigDecimal labourHours,
            List<RepairWork.PartLine> parts, Map<PartId, Part> catalogue, String brand, List<Violation> violations) {
        if (diagnosis == null || diagnosis.isBlank()) {
            violations.add(Violation.of(prefix + "diagnosis", "validation.required"));
        }
        else if (diagnosis.length() > 1000) {
            violations.add(Violation.of(prefix + "diagnosis", "validation.tooLong", 1000));
        }
        if (faultLocation == null) {
            violations.add(Violation.of(prefix + "faultLocation", "validation.required"));
        }
        if (labourHours == null || labourHours.signum() < 0 || labourHours.compareTo(BigDecimal.valueOf(200)) > 0) {
            violations.add(Violation.of(prefix + "labourHours", "rule.range", 0, 200));
        }
        return partLines(prefix, parts == null ? List.of() : parts, catalogue, brand, violations);
    }

    private static List<RepairPart> partLines(String prefix, List<RepairWork.PartLine> lines, Map<PartId, Part> catalogue,
            String brand, List<Violation> violations) {
        List<RepairPart> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            RepairWork.PartLine line = lines.get(i);
            String field = prefix + "parts[" + i + "]";
            Part part = line.partId() == null ? null : catalogue.get(new PartId(line.partId()));
            if (part == null) {
                violations.add(Violation.of(field + ".partId", "repair.part.unknown"));
                continue;
            }
            if (!part.fits(brand)) {
                violations.add(Violation.of(field + ".partId", "repair.part.brand", part.code(), String.valueOf(brand)));
            }
            if (line.action() == null) {
                violations.add(Violation.of(field + ".action", "validation.required"));
            }
            if (line.quantity() == null || line.quantity() < 1 || line.quantity() > 100) {
                violations.add(Violation.of(field + ".quantity", "rule.range", 1, 100));
            }
            if (line.unitPrice() == null || line.unitPrice().signum() < 0 || line.unitPrice().scale() > 2
                    && line.unitPrice().stripTrailingZeros().scale() > 2) {
                violations.add(Violation.of(field + ".unitPrice", "repair.part.price"));
                continue;
            }
            result.add(new RepairPart(part.id(), line.action(), line.quantity() == null ? 1 : line.quantity(),
                    Money.of(line.unitPrice()).amount(), part.guidePrice().amount()));
        }
        return result;
    }
}
