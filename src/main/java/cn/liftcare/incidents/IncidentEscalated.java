package cn.liftcare.incidents;

import java.time.Instant;

import cn.liftcare.registry.DistrictId;
import cn.liftcare.registry.ElevatorId;

/** An incident is at risk of missing a limit, or has missed one: the regulator must look. */
public record IncidentEscalated(IncidentId incidentId, ElevatorId elevatorId, DistrictId districtId, Instant at) {
}
