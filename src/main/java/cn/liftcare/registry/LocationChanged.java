package cn.liftcare.registry;

import cn.liftcare.shared.AuditAction;
import cn.liftcare.shared.AuditableEvent;

/** A district, street, community, building or unit was created (before is null) or changed. */
public record LocationChanged(String kind, long id, Object before, Object after) implements AuditableEvent {

    @Override
    public String entityType() {
        return kind;
    }

    @Override
    public String entityId() {
        return String.valueOf(id);
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
}
