package cn.liftcare.incidents;

import java.time.Instant;

import cn.liftcare.identity.OrganizationId;
import cn.liftcare.registry.ElevatorId;

/** The elevator is back in service after an incident; the quality and claims modules count on this. */
public record IncidentRestored(IncidentId incidentId, ElevatorId elevatorId, OrganizationId companyId,
        IncidentType type, Instant reportedAt, Instant restoredAt) {
}
