package cn.liftcare.maintenance;

import java.time.LocalDate;

import cn.liftcare.identity.OrganizationId;
import cn.liftcare.registry.CommunityId;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.registry.ElevatorType;

/** An elevator as maintenance sees it: its plan and the facts the plan depends on. */
public record ElevatorPlanRow(ElevatorId elevatorId, String registrationCode, OrganizationId companyId,
        CommunityId communityId, OrganizationId useUnitId, ElevatorType type, LocalDate commissioningDate,
        String elevatorStatus, MaintenanceMode mode, int maxIntervalDays, LocalDate startsOn,
        LocalDate nextInspectionDue) {

    public char annex() {
        return type.annex();
    }
}
