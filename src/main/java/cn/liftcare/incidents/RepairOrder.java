package cn.liftcare.incidents;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.UserId;
import cn.liftcare.registry.CommunityId;
import cn.liftcare.registry.DistrictId;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.registry.ElevatorSnapshot;
import cn.liftcare.shared.RuleViolationException;

/**
 * A repair (维修工单), opened from an incident or from an abnormal maintenance item, and completed once with
 * the diagnosis, where the fault was, the labour, the photos and the parts. Completed, it is final.
 */
@Table("repair_order")
public class RepairOrder extends AbstractAggregateRoot<RepairOrder> {

    @Id
    private final RepairOrderId id;
    private final ElevatorId elevatorId;
    private final DistrictId districtId;
    private final CommunityId communityId;
    private final OrganizationId useUnitId;
    private final OrganizationId companyId;
    private final IncidentId incidentId;
    private final Long repairNeedId;
    private String status;
    private final String description;
    private String diagnosis;
    private FaultLocation faultLocation;
    private BigDecimal labourHours;
    private Long beforePhotoId;
    private Long afterPhotoId;
    private Instant outOfServiceAt;
    private Instant restoredAt;
    private final Instant openedAt;
    private Instant completedAt;
    private UserId completedBy;
    @MappedCollection(idColumn = "repair_order_id", keyColumn = "line")
    private List<RepairPart> parts;
    @Version
    private Integer version;

    @PersistenceCreator
    RepairOrder(RepairOrderId id, ElevatorId elevatorId, DistrictId districtId, CommunityId communityId,
            OrganizationId useUnitId, OrganizationId companyId, IncidentId incidentId, Long repairNeedId, String status,
            String description, String diagnosis, FaultLocation faultLocation, BigDecimal labourHours,
            Long beforePhotoId, Long afterPhotoId, Instant outOfServiceAt, Instant restoredAt, Instant openedAt,
            Instant completedAt, UserId completedBy, List<RepairPart> parts, Integer version) {
        this.id = id;
        this.elevatorId = elevatorId;
        this.districtId = districtId;
        this.communityId = communityId;
        this.useUnitId = useUnitId;
        this.companyId = companyId;
        this.incidentId = incidentId;
        this.repairNeedId = repairNeedId;
        this.status = status;
        this.description = description;
        this.diagnosis = diagnosis;
        this.faultLocation = faultLocation;
        this.labourHours = labourHours;
        this.beforePhotoId = beforePhotoId;
        this.afterPhotoId = afterPhotoId;
        this.outOfServiceAt = outOfServiceAt;
        this.restoredAt = restoredAt;
        this.openedAt = openedAt;
        this.completedAt = completedAt;
        this.completedBy = completedBy;
        this.parts = parts == null ? new ArrayList<>() : new ArrayList<>(parts);
        this.version = version;
    }

    /** From an incident: the elevator was out of service from the first report if it stopped. */
    static RepairOrder fromIncident(RepairOrderId id, Incident incident, OrganizationId company, String description,
            Instant now) {
        boolean stopped = incident.type() == IncidentType.ENTRAPMENT || incident.type() == IncidentType.OUT_OF_SERVICE;
        return open(new RepairOrder(id, incident.elevatorId(), incident.districtId(), incident.communityId(),
                incident.useUnitId(), company, incident.id(), null, "OPEN", description, null, null, null, null, null,
                stopped ? incident.reportedAt() : null, incident.restoredAt(), now, null, null, List.of(), null));
    }

    /** From an item found abnormal on a maintenance visit. */
    static RepairOrder fromRepairNeed(RepairOrderId id, ElevatorSnapshot elevator, long repairNeedId,
            String description, Instant now) {
        return open(new RepairOrder(id, elevator.id(), elevator.districtId(), elevator.communityId(),
                elevator.useUnitId(), elevator.maintenanceCompanyId(), null, repairNeedId, "OPEN", description, null,
                null, null, null, null, null, null, now, null, null, List.of(), null));
    }

    private static RepairOrder open(RepairOrder order) {
        order.registerEvent(new RepairOrderChanged(order.id, null, order.view()));
        return order;
    }

    /** What the repair found and used; {@link RepairWork} has checked parts, prices and photos. */
    record Completion(String diagnosis, FaultLocation faultLocation, BigDecimal labourHours, Long beforePhotoId,
            Long afterPhotoId, Instant outOfServiceAt, Instant restoredAt, List<RepairPart> parts) {
    }

    void complete(Completion c, UserId by, Instant now) {
        if ("COMPLETED".equals(status)) {
            throw new RuleViolationException("repair-order-completed", "repair.completed");
        }
        RepairOrderView before = view();
        this.diagnosis = c.diagnosis();
        this.faultLocation = c.faultLocation();
        this.labourHours = c.labourHours();
        this.beforePhotoId = c.beforePhotoId();
        this.afterPhotoId = c.afterPhotoId();
        if (c.outOfServiceAt() != null) {
            this.outOfServiceAt = c.outOfServiceAt();
        }
        if (c.restoredAt() != null) {
            this.restoredAt = c.restoredAt();
        }
        if (outOfServiceAt != null && restoredAt == null) {
            this.restoredAt = now;
        }
        if (outOfServiceAt != null && restoredAt.isBefore(outOfServiceAt)) {
            throw new RuleViolationException("repair-downtime", "repair.downtime.order");
        }
        this.parts = new ArrayList<>(c.parts());
        this.status = "COMPLETED";
        this.completedAt = now;
        this.completedBy = by;
        RepairOrderView after = view();
        registerEvent(new RepairOrderChanged(id, before, after));
        registerEvent(new RepairOrderCompleted(id, after, now));
    }

    /** Out of service to restored, in whole minutes; null when the elevator never stopped for it. */
    Long downtimeMinutes() {
        return outOfServiceAt == null || restoredAt == null ? null
                : Duration.between(outOfServiceAt, restoredAt).toMinutes();
    }

    /** Hands over the events raised so far and forgets them: an import decides itself which to publish. */
    List<Object> unpublishedEvents() {
        List<Object> events = List.copyOf(domainEvents());
        clearDomainEvents();
        return events;
    }

    public RepairOrderView view() {
        return new RepairOrderView(id, elevatorId, companyId, incidentId, repairNeedId, status, description, diagnosis,
                faultLocation, labourHours, beforePhotoId, afterPhotoId, outOfServiceAt, restoredAt, downtimeMinutes(),
                openedAt, completedAt, List.copyOf(parts));
    }

    public RepairOrderId id() {
        return id;
    }

    public OrganizationId companyId() {
        return companyId;
    }

    public ElevatorId elevatorId() {
        return elevatorId;
    }
}
