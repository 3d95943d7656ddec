package cn.liftcare.incidents;

import java.time.Instant;

import cn.liftcare.registry.ElevatorId;

/** A new incident was opened by its first report. */
public record IncidentReported(IncidentId incidentId, ElevatorId elevatorId, IncidentType type, Channel channel,
        Instant at) {
}
