package cn.liftcare.incidents;

import cn.liftcare.shared.AuditedChange;

/** A repair order was opened (before is null) or completed. */
public record RepairOrderChanged(RepairOrderId repairOrderId, RepairOrderView before, RepairOrderView after)
        implements AuditedChange<RepairOrderView> {

    @Override
    public String entityType() {
        return "repair_order";
    }

    @Override
    public String entityId() {
        return String.valueOf(repairOrderId.value());
    }
}
