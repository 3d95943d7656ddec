package cn.liftcare.registry.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.liftcare.identity.OrganizationId;
import cn.liftcare.registry.CommunityId;
import cn.liftcare.registry.ElevatorDetails;
import cn.liftcare.registry.ElevatorStatus;
import cn.liftcare.registry.ElevatorType;
import cn.liftcare.registry.UseCategory;

/** The body of {@code POST /api/v1/elevators} and {@code PUT /api/v1/elevators/{id}}. */
@Schema(name = "ElevatorRequest", description = "An elevator's registrable facts")
record ElevatorRequest(
        @Schema(description = "20-digit registration code (设备代码); the first 4 digits are the category code and must match the type", example = "31103301052008000123")
        String registrationCode,
        @Schema(description = "96333 emergency code, 5 to 8 digits", example = "31999") String emergencyCode,
        ElevatorType type,
        @Schema(example = "奥的斯") String brand,
        @Schema(example = "GeN2") String model,
        LocalDate manufactureDate,
        LocalDate commissioningDate,
        @Schema(description = "Stops (层站数), 2 to 200", example = "18") Integer stops,
        @Schema(description = "Rated load in kg; optional for escalators and moving walks", example = "1000") Integer ratedLoadKg,
        @Schema(description = "Rated speed in m/s", example = "1.75") BigDecimal ratedSpeed,
        UseCategory useCategory,
        @Schema(description = "Id of a community in the caller's scope") Long communityId,
        @Schema(description = "Building (幢), created if new", example = "3幢") String building,
        @Schema(description = "Unit (单元), created if new", example = "1单元") String unit,
        @Schema(description = "Use unit; defaults to the community's") Long useUnitId,
        Long maintenanceCompanyId,
        @Schema(description = "Defaults to IN_SERVICE") ElevatorStatus status,
        LocalDate lastInspectionDate,
        LocalDate nextInspectionDue) {

    ElevatorDetails toDetails() {
        return new ElevatorDetails(registrationCode, emergencyCode, type, brand, model, manufactureDate,
                commissioningDate, stops, ratedLoadKg, ratedSpeed, useCategory,
                communityId == null ? null : new CommunityId(communityId), building, unit,
                useUnitId == null ? null : new OrganizationId(useUnitId),
                maintenanceCompanyId == null ? null : new OrganizationId(maintenanceCompanyId), status,
                lastInspectionDate, nextInspectionDue);
    }
}
