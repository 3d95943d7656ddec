package cn.liftcare.maintenance;

import cn.liftcare.shared.AuditedChange;

/** A visit was planned (before is null), assigned, checked in, recorded or confirmed. */
public record VisitChanged(VisitId visitId, VisitView before, VisitView after) implements AuditedChange<VisitView> {

    public static final String ENTITY = "maintenance_visit";

    static VisitChanged created(MaintenanceVisit visit) {
        return new VisitChanged(visit.id(), null, visit.view());
    }

    public boolean confirmed() {
        return after.status() == VisitStatus.CONFIRMED && (before == null || before.status() != VisitStatus.CONFIRMED);
    }

    @Override
    public String entityType() {
        return ENTITY;
    }

    @Override
    public String entityId() {
        return String.valueOf(visitId.value());
    }
}
