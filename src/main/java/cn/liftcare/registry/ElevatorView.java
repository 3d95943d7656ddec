package cn.liftcare.registry;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.liftcare.identity.OrganizationId;

/** Everything the elevator page and {@code GET /api/v1/elevators/{id}} show. */
public record ElevatorView(ElevatorId id, String registrationCode, String emergencyCode, ElevatorType type,
        String brand, String model, LocalDate manufactureDate, LocalDate commissioningDate, int ageYears, int stops,
        Integer ratedLoadKg, BigDecimal ratedSpeed, UseCategory useCategory, String districtCode, String district, String street,
        CommunityId communityId, String community, String building, String unit, OrganizationId useUnitId,
        String useUnit, OrganizationId maintenanceCompanyId, String maintenanceCompany, String maintenanceCompanyPhone,
        ElevatorStatus status, LocalDate lastInspectionDate, LocalDate nextInspectionDue) {
}
