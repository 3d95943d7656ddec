package cn.liftcare.incidents;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.maintenance.Photos;
import cn.liftcare.maintenance.RepairNeedRaised;
import cn.liftcare.registry.ElevatorRegistry;
import cn.liftcare.registry.ElevatorSnapshot;
import cn.liftcare.registry.RegistryScope;
import cn.liftcare.shared.IdSequences;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/**
 * Repair orders: opened by the rescue unit from an incident it has reached, or by themselves from an item
 * found abnormal on a maintenance visit; completed by the maintenance company with parts from the catalogue.
 */
@Service
public class RepairWork {

    private final RepairOrders orders;
    private final IncidentWork incidents;
    private final IncidentScope scopes;
    private final Parts parts;
    private final Photos photos;
    private final ElevatorRegistry registry;
    private final JdbcClient jdbc;
    private final IdSequences ids;
    private final LiftCareTime time;

    RepairWork(RepairOrders orders, IncidentWork incidents, IncidentScope scopes, Parts parts, Photos photos,
            ElevatorRegistry registry, JdbcClient jdbc, IdSequences ids, LiftCareTime time) {
        this.orders = orders;
        this.incidents = incidents;
        this.scopes = scopes;
        this.parts = parts;
        this.photos = photos;
        this.registry = registry;
        this.jdbc = jdbc;
        this.ids = ids;
        this.time = time;
    }

    /** Opens the incident's repair order, or returns the one it already has. */
    @Transactional
    public RepairOrderView openFromIncident(Scope scope, IncidentId incidentId, String description) {
        requireField(scope);
        Incident incident = incidents.visible(scope, incidentId);
        if (!Objects.equals(incident.rescueCompanyId(), scope.organizationId())) {
            throw new AccessDeniedException("not the rescue unit");
        }
        var existing = orders.findByIncidentId(incidentId);
        if (existing.isPresent()) {
            return existing.get().view();
        }
        if (incident.status().ordinal() < IncidentStatus.ARRIVED.ordinal() || incident.status() == IncidentStatus.FALSE_ALARM) {
            throw new RuleViolationException("repair-needs-arrival", "repair.open.notArrived");
        }
        String text = description == null || description.isBlank() ? incident.type().name() : description.strip();
        return orders.save(RepairOrder.fromIncident(new RepairOrderId(ids.next("repair_order")), incident,
                scope.organizationId(), text.length() > 500 ? text.substring(0, 500) : text, time.now())).view();
    }

    /** An abnormal maintenance item opens a repair order for the elevator's company, in the same transaction. */
    @EventListener
    void on(RepairNeedRaised need) {
        if (orders.findByRepairNeedId(need.repairNeedId()).isPresent()) {
            return;
        }
        ElevatorSnapshot elevator = registry.snapshots(List.of(need.elevatorId())).get(need.elevatorId());
        if (elevator == null || elevator.maintenanceCompanyId() == null) {
            return;
        }
        String text = need.itemCode() + " " + need.description();
        orders.save(RepairOrder.fromRepairNeed(new RepairOrderId(ids.next("repair_order")), elevator,
                need.repairNeedId(), text.length() > 500 ? text.substring(0, 500) : text, time.now()));
    }

    /** A part line as entered: the catalogue part, repair or replace, how many, at what unit price. */
    public record PartLine(Long partId, RepairPart.Action action, Integer quantity, BigDecimal unitPrice) {
    }

    public record CompleteRepair(String diagnosis, FaultLocation faultLocation, BigDecimal labourHours,
            Long beforePhotoId, Long afterPhotoId, Instant outOfServiceAt, Instant restoredAt, List<PartLine> parts) {
    }

    @Transactional
    public RepairOrderView complete(Scope scope, RepairOrderId id, CompleteRepair input) {
        requireField(scope);
        RepairOrder order = companyOrder(scope, id);
        ElevatorSnapshot elevator = registry.snapshots(List.of(order.elevatorId())).get(order.elevatorId());
        List<Violation> violations = new ArrayList<>();
        List<PartId> partIds = input.parts() == null ? List.of() : input.parts().stream().map(PartLine::partId)
                .filter(Objects::nonNull).map(PartId::new).toList();
        List<RepairPart> lines = RepairRules.check("", input.diagnosis(), input.faultLocation(), input.labourHours(),
                input.parts(), parts.byIds(partIds), elevator == null ? null : elevator.brand(), violations);
        Set<Long> wanted = new HashSet<>();
        for (Long photo : new Long[] {input.beforePhotoId(), input.afterPhotoId()}) {
            if (photo != null) {
                wanted.add(photo);
            }
        }
        Set<Long> owned = photos.ownedBy(order.companyId(), wanted);
        if (input.beforePhotoId() != null && !owned.contains(input.beforePhotoId())) {
            violations.add(Violation.of("beforePhotoId", "repair.photo.unknown"));
        }
        if (input.afterPhotoId() != null && !owned.contains(input.afterPhotoId())) {
            violations.add(Violation.of("afterPhotoId", "repair.photo.unknown"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        order.complete(new RepairOrder.Completion(input.diagnosis().strip(), input.faultLocation(), input.labourHours(),
                input.beforePhotoId(), input.afterPhotoId(), input.outOfServiceAt(), input.restoredAt(), lines),
                scope.userId(), time.now());
        return orders.save(order).view();
    }

    RepairOrder companyOrder(Scope scope, RepairOrderId id) {
        RepairOrder order = visibleOrder(scope, id);
        if (scope.reach() != Scope.Reach.MAINTAINED_ELEVATORS || !order.companyId().equals(scope.organizationId())) {
            throw new AccessDeniedException("not the repairing company");
        }
        return order;
    }

    public RepairOrder visibleOrder(Scope scope, RepairOrderId id) {
        RegistryScope.Predicate predicate = scopes.byCompanyColumn(scope, "company_id");
        boolean found = jdbc.sql("SELECT count(*) > 0 FROM repair_order e WHERE e.id = :id AND " + predicate.sql())
                .params(predicate.params()).param("id", id.value()).query(Boolean.class).single();
        if (!found) {
            throw new NotFoundException("repair order", id.value());
        }
        return orders.findById(id).orElseThrow(() -> new NotFoundException("repair order", id.value()));
    }

    private static void requireField(Scope scope) {
        if (!scope.hasAny(Role.MAINTAINER, Role.MAINTENANCE_MANAGER)) {
            throw new AccessDeniedException("role");
        }
    }
}
