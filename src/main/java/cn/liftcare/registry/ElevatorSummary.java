package cn.liftcare.registry;

import java.time.LocalDate;

import cn.liftcare.identity.OrganizationId;

/** A row of the elevator list. */
public record ElevatorSummary(ElevatorId id, String registrationCode, String emergencyCode, ElevatorType type,
        String brand, String model, CommunityId communityId, String community, String building, String unit,
        OrganizationId maintenanceCompanyId, String maintenanceCompany, ElevatorStatus status,
        LocalDate commissioningDate, int ageYears, LocalDate nextInspectionDue) {

    public String location() {
        return community + " " + building + " " + unit;
    }
}
