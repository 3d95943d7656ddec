package cn.liftcare.claims;

import org.springframework.data.relational.core.mapping.Table;

import cn.liftcare.incidents.PartId;
import cn.liftcare.incidents.RepairPart;
import cn.liftcare.shared.Money;

/** A part claimed: repaired or replaced, how many, at what price, beside the catalogue's guide price. */
@Table("claim_line")
public record ClaimLine(PartId partId, String partCode, RepairPart.Action action, int quantity, Money unitPrice,
        Money guidePrice, Money allowed) {

    public Money claimed() {
        return unitPrice.times(java.math.BigDecimal.valueOf(quantity));
    }
}
