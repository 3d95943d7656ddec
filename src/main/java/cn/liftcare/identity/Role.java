package cn.liftcare.identity;

import java.util.EnumSet;
import java.util.Set;

/** What a user may do. Each role belongs to the organisation types that can hold it. */
public enum Role {
    ADMIN(OrganizationType.PLATFORM),
    /** 监管人员. */
    REGULATOR(OrganizationType.REGULATOR),
    /** 96333 call-centre operator, on the regulator's side. */
    CALL_CENTRE(OrganizationType.REGULATOR),
    UNDERWRITER(OrganizationType.INSURER),
    ADJUSTER(OrganizationType.INSURER),
    /** Engineer of the third-party technical supervisor. */
    SUPERVISOR(OrganizationType.SUPERVISOR),
    INSPECTOR(OrganizationType.INSPECTION_BODY),
    MAINTENANCE_MANAGER(OrganizationType.MAINTENANCE_COMPANY),
    /** Field maintainer, holding a 特种设备作业人员证. */
    MAINTAINER(OrganizationType.MAINTENANCE_COMPANY),
    PROPERTY_MANAGER(OrganizationType.USE_UNIT),
    /** The use unit's 安全管理员, who confirms maintenance records. */
    SAFETY_MANAGER(OrganizationType.USE_UNIT),
    /** Member of the 业委会. */
    OWNERS_REP(OrganizationType.OWNERS_COMMITTEE);

    private final Set<OrganizationType> heldBy;

    Role(OrganizationType first, OrganizationType... rest) {
        this.heldBy = EnumSet.of(first, rest);
    }

    public boolean canBeHeldBy(OrganizationType type) {
        return heldBy.contains(type);
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
