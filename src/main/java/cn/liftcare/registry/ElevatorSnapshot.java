package cn.liftcare.registry;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.liftcare.identity.OrganizationId;

/** An elevator's registered facts at one moment: what the audit log and the history show. */
public record ElevatorSnapshot(ElevatorId id, String registrationCode, String emergencyCode, ElevatorType type,
        String brand, String model, LocalDate manufactureDate, LocalDate commissioningDate, int stops,
        Integer ratedLoadKg, BigDecimal ratedSpeed, UseCategory useCategory, UnitId unitId, CommunityId communityId,
        DistrictId districtId,
        OrganizationId useUnitId, OrganizationId maintenanceCompanyId, ElevatorStatus status,
        LocalDate lastInspectionDate, LocalDate nextInspectionDue, boolean inspectionFailed, LocalDate renewedOn) {

    /** The day its age counts from: the last whole renewal (整梯更新), else the commissioning. */
    public LocalDate ageBasis() {
        return renewedOn != null ? renewedOn : commissioningDate;
    }

    /** The TSG T5002-2017 annex that lists the elevator's maintenance items. */
    public char annex() {
        return type.annex();
    }
}
