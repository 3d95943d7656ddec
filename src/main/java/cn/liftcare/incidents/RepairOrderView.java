package cn.liftcare.incidents;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import cn.liftcare.identity.OrganizationId;
import cn.liftcare.registry.ElevatorId;

/** A repair order as it is shown and audited. */
public record RepairOrderView(RepairOrderId id, ElevatorId elevatorId, OrganizationId companyId, IncidentId incidentId,
        Long repairNeedId, String status, String description, String diagnosis, FaultLocation faultLocation,
        BigDecimal labourHours, Long beforePhotoId, Long afterPhotoId, Instant outOfServiceAt, Instant restoredAt,
        Long downtimeMinutes, Instant openedAt, Instant completedAt, List<RepairPart> parts) {
}
