package cn.liftcare.identity;

import cn.liftcare.shared.AuditAction;
import cn.liftcare.shared.AuditableEvent;

/** An organisation was registered (before is null) or amended. */
public record OrganizationChanged(OrganizationId organizationId, OrganizationView before, OrganizationView after)
        implements AuditableEvent {

    OrganizationChanged(Organization organization, OrganizationView before) {
        this(organization.id(), before, organization.view());
    }

    @Override
    public String entityType() {
        return "organization";
    }

    @Override
    public String entityId() {
        return String.valueOf(organizationId.value());
    }

    @Override
    public Object auditBefore() {
        return before;
    }

    @Override
    public Object auditAfter() {
        return after;
    }

    @Override
    public AuditAction action() {
        return before == null ? AuditAction.CREATE : AuditAction.UPDATE;
    }
}
