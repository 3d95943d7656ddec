package cn.liftcare.maintenance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.UserId;
import cn.liftcare.registry.CommunityId;
import cn.liftcare.registry.ElevatorId;

/**
 * A visit as the audit log and other modules see it: the checklist by its SHA-256, so the log proves the
 * stored checklist unaltered without repeating it.
 */
public record VisitView(VisitId id, ElevatorId elevatorId, OrganizationId companyId, CommunityId communityId,
        UserId maintainerId, MaintenanceClass visitClass, LocalDate plannedOn, VisitStatus status,
        List<String> dueItems, Instant checkInAt, Boolean checkInValid, BigDecimal latitude, BigDecimal longitude,
        Instant startedAt, Instant finishedAt, Instant submittedAt, String checklistDigest, Instant confirmedAt,
        UserId confirmedBy, String confirmedByType, VisitId correctionOf, String correctionReason) {
}
