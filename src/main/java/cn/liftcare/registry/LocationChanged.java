package cn.liftcare.registry;

import cn.liftcare.shared.AuditedChange;

/** A district, street, community, building or unit was created (before is null) or changed. */
public record LocationChanged(String kind, long id, Object before, Object after) implements AuditedChange<Object> {

    @Override
    public String entityType() {
        return kind;
    }

    @Override
    public String entityId() {
        return String.valueOf(id);
    }
}
