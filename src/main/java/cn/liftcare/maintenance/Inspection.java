package cn.liftcare.maintenance;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.UserId;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.shared.AuditableEvent;

/** A periodic inspection or a self-test, with its result and the rectifications it demanded. */
@Table("inspection")
public class Inspection extends AbstractAggregateRoot<Inspection> {

    @Id
    private final InspectionId id;
    private final ElevatorId elevatorId;
    private final InspectionKind kind;
    private final LocalDate inspectedOn;
    private final InspectionResult result;
    private final OrganizationId bodyId;
    private final UserId recordedBy;
    private final String rectification;
    private final LocalDate nextDue;
    private final Instant createdAt;
    @Version
    private Integer version;

    @PersistenceCreator
    Inspection(InspectionId id, ElevatorId elevatorId, InspectionKind kind, LocalDate inspectedOn,
            InspectionResult result, OrganizationId bodyId, UserId recordedBy, String rectification, LocalDate nextDue,
            Instant createdAt, Integer version) {
        this.id = id;
        this.elevatorId = elevatorId;
        this.kind = kind;
        this.inspectedOn = inspectedOn;
        this.result = result;
        this.bodyId = bodyId;
        this.recordedBy = recordedBy;
        this.rectification = rectification;
        this.nextDue = nextDue;
        this.createdAt = createdAt;
        this.version = version;
    }

    static Inspection record(InspectionId id, ElevatorId elevator, InspectionKind kind, LocalDate on,
            InspectionResult result, OrganizationId body, UserId by, String rectification, Instant now) {
        Inspection inspection = new Inspection(id, elevator, kind, on, result, body, by, rectification,
                InspectionRules.nextDue(on, result), now, null);
        inspection.registerEvent(new InspectionRecorded(id, inspection.view()));
        return inspection;
    }

    public InspectionView view() {
        return new InspectionView(id, elevatorId, kind, inspectedOn, result, bodyId, recordedBy, rectification, nextDue);
    }

    public record InspectionView(InspectionId id, ElevatorId elevatorId, InspectionKind kind, LocalDate inspectedOn,
            InspectionResult result, OrganizationId bodyId, UserId recordedBy, String rectification, LocalDate nextDue) {
    }

    /** An inspection or self-test was recorded. */
    public record InspectionRecorded(InspectionId inspectionId, InspectionView inspection) implements AuditableEvent {

        @Override
        public String entityType() {
            return "inspection";
        }

        @Override
        public String entityId() {
            return String.valueOf(inspectionId.value());
        }

        @Override
        public Object auditBefore() {
            return null;
        }

        @Override
        public Object auditAfter() {
            return inspection;
        }
    }
}
