package cn.liftcare.incidents;

import java.math.BigDecimal;

import org.springframework.data.relational.core.mapping.Table;

/** One line of a repair order: a catalogue part repaired or replaced, at a price, beside its guide price. */
@Table("repair_order_part")
public record RepairPart(PartId partId, Action action, int quantity, BigDecimal unitPrice, BigDecimal guidePrice) {

    public enum Action {
        REPAIR, REPLACE
    }
}
