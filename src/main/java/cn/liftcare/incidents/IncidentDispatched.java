package cn.liftcare.incidents;

import java.time.Instant;

import cn.liftcare.identity.OrganizationId;
import cn.liftcare.registry.ElevatorId;

/** An incident was handed to a rescue unit: the elevator's maintenance company, or a backup. */
public record IncidentDispatched(IncidentId incidentId, ElevatorId elevatorId, OrganizationId unitId,
        IncidentType type, Instant at) {
}
