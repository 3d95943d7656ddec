package cn.liftcare.registry;

import cn.liftcare.shared.AuditedChange;

/** An elevator was registered (before is null) or its registered facts changed. */
public record ElevatorChanged(ElevatorId elevatorId, ElevatorSnapshot before, ElevatorSnapshot after)
        implements AuditedChange<ElevatorSnapshot> {

    public static final String ENTITY = "elevator";

    @Override
    public String entityType() {
        return ENTITY;
    }

    @Override
    public String entityId() {
        return String.valueOf(elevatorId.value());
    }

    public boolean maintenanceCompanyChanged() {
        return before == null || !java.util.Objects.equals(before.maintenanceCompanyId(), after.maintenanceCompanyId());
    }
}
