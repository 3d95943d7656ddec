package cn.liftcare.maintenance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.identity.UserId;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.registry.ElevatorRegistry;
import cn.liftcare.shared.IdSequences;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/**
 * Records periodic inspections (the inspection body) and self-tests (the maintenance company), and carries
 * the outcome to the registry: the next due date, and a suspension on failure until a check passes.
 */
@Service
public class InspectionRecords {

    private final Inspections inspections;
    private final PlanLookup lookup;
    private final ElevatorRegistry registry;
    private final IdSequences ids;
    private final LiftCareTime time;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    InspectionRecords(Inspections inspections, PlanLookup lookup, ElevatorRegistry registry, IdSequences ids,
            LiftCareTime time, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.inspections = inspections;
        this.lookup = lookup;
        this.registry = registry;
        this.ids = ids;
        this.time = time;
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Imports past inspections of an elevator from the inspection body's records, oldest first; the last
     * one's outcome is carried to the registry if it changes anything there.
     */
    @Transactional
    public void importHistory(ElevatorId elevator, List<PastInspection> past) {
        List<Inspection> records = new ArrayList<>();
        for (PastInspection p : past) {
            records.add(Inspection.record(new InspectionId(ids.next("inspection")), elevator, p.kind(), p.on(), p.result(),
                    p.bodyId(), new UserId(0), p.rectification(), time.now()));
        }
        inspections.saveAll(records);
        PastInspection last = past.get(past.size() - 1);
        if (last.result() != InspectionResult.PASS || past.size() > 1) {
            registry.recordInspection(elevator, last.on(), InspectionRules.nextDue(last.on(), last.result()),
                    last.result().passed());
        }
    }

    public record PastInspection(InspectionKind kind, LocalDate on, InspectionResult result, OrganizationId bodyId,
            String rectification) {
    }

    @Transactional
    public Inspection.InspectionView record(Scope scope, ElevatorId elevator, InspectionKind kind, LocalDate on,
            InspectionResult result, String rectification) {
        if (kind == InspectionKind.PERIODIC ? !scope.has(Role.INSPECTOR) : !scope.has(Role.MAINTENANCE_MANAGER)) {
            throw new AccessDeniedException("inspections of this kind are recorded by another party");
        }
        ElevatorPlanRow row = lookup.find(scope, elevator).orElseThrow(() -> new NotFoundException("elevator", elevator.value()));
        if (kind == InspectionKind.SELF_TEST && !scope.organizationId().equals(row.companyId())) {
            throw new NotFoundException("elevator", elevator.value());
        }
        if (on == null || result == null) {
            throw new ValidationFailedException(Violation.of(on == null ? "inspectedOn" : "result", "validation.required"));
        }
        if (on.isAfter(time.today()) || on.isBefore(row.commissioningDate())) {
            throw new ValidationFailedException(Violation.of("inspectedOn", "inspection.date.range"));
        }
        boolean needsRectification = result != InspectionResult.PASS;
        if (needsRectification && (rectification == null || rectification.isBlank())) {
            throw new ValidationFailedException(Violation.of("rectification", "inspection.rectification.required"));
        }
        Inspection inspection = Inspection.record(new InspectionId(ids.next("inspection")), elevator, kind, on, result,
                scope.organizationId(), scope.userId(), rectification == null ? null : rectification.strip(), time.now());
        inspections.save(inspection);
        registry.recordInspection(elevator, on, inspection.view().nextDue(), result.passed());
        if (needsRectification) {
            raiseRectification(inspection.view());
        }
        return inspection.view();
    }

    /** The rectification an inspection demanded (整改) is repair work for the elevator's maintenance company. */
    private void raiseRectification(Inspection.InspectionView inspection) {
        String text = inspection.rectification().length() > 500 ? inspection.rectification().substring(0, 500)
                : inspection.rectification();
        long needId = jdbc.sql("""
                INSERT INTO repair_need (elevator_id, inspection_id, item_code, description, raised_at, status)
                VALUES (:elevator, :inspection, 'INSPECTION', :description, :at, 'OPEN') RETURNING id""")
                .param("elevator", inspection.elevatorId().value()).param("inspection", inspection.id().value())
                .param("description", text).param("at", java.sql.Timestamp.from(time.now())).query(Long.class).single();
        events.publishEvent(new RepairNeedRaised(needId, inspection.elevatorId(), null, inspection.id(), "INSPECTION",
                text));
    }
}
