package cn.liftcare.registry;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.liftcare.identity.OrganizationId;

/**
 * An elevator's registrable facts, as entered in the form, sent to the API or read from a spreadsheet
 * row. {@link ElevatorRules} checks them; the location is the community plus building and unit names.
 */
public record ElevatorDetails(String registrationCode, String emergencyCode, ElevatorType type, String brand,
        String model, LocalDate manufactureDate, LocalDate commissioningDate, Integer stops, Integer ratedLoadKg,
        BigDecimal ratedSpeed, UseCategory useCategory, CommunityId communityId, String building, String unit,
        OrganizationId useUnitId, OrganizationId maintenanceCompanyId, ElevatorStatus status,
        LocalDate lastInspectionDate, LocalDate nextInspectionDue) {

    /** Trims text fields; empty text becomes null, so "required" checks see it. */
    public ElevatorDetails normalised() {
        return new ElevatorDetails(trim(registrationCode), trim(emergencyCode), type, trim(brand), trim(model),
                manufactureDate, commissioningDate, stops, ratedLoadKg, ratedSpeed, useCategory, communityId,
                trim(building), trim(unit), useUnitId, maintenanceCompanyId, status == null ? ElevatorStatus.IN_SERVICE : status,
                lastInspectionDate, nextInspectionDue);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
