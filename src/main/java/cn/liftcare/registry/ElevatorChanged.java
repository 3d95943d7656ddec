package cn.liftcare.registry;

import cn.liftcare.shared.AuditAction;
import cn.liftcare.shared.AuditableEvent;

/** An elevator was registered (before is null) or its registered facts changed. */
public record ElevatorChanged(ElevatorId elevatorId, ElevatorSnapshot before, ElevatorSnapshot after)
        implements AuditableEvent {

    public static final String ENTITY = "elevator";

    @Override
    public String entityType() {
        return ENTITY;
    }

    @Override
    public String entityId() {
        return String.valueOf(elevatorId.value());
    }

    @Override
    public AuditAction action() {
        return before == null ? AuditAction.CREATE : AuditAction.UPDATE;
    }

    @Override
    public Object auditBefore() {
        return before;
    }

    @Override
    public Object auditAfter() {
        return after;
    }

    public boolean maintenanceCompanyChanged() {
        return before == null || !java.util.Objects.equals(before.maintenanceCompanyId(), after.maintenanceCompanyId());
    }
}
