package cn.liftcare.identity;

import cn.liftcare.shared.AuditedChange;

/** An organisation was registered (before is null) or amended. */
public record OrganizationChanged(OrganizationId organizationId, OrganizationView before, OrganizationView after)
        implements AuditedChange<OrganizationView> {

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
}
