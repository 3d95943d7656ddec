package cn.liftcare.maintenance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.UserId;
import cn.liftcare.registry.CommunityId;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.shared.RuleViolationException;

/**
 * A maintenance visit (维保作业): planned by the company, checked in on site, recorded item by item,
 * confirmed by the use unit's safety manager, and then final. Its items due are fixed when it is planned.
 */
@Table("maintenance_visit")
public class MaintenanceVisit extends AbstractAggregateRoot<MaintenanceVisit> {

    /** No visit lasts longer; a record claiming more is a typing error. */
    public static final int LONGEST_VISIT_HOURS = 12;

    @Id
    private final VisitId id;
    private final ElevatorId elevatorId;
    private final OrganizationId companyId;
    private final CommunityId communityId;
    private UserId maintainerId;
    private final MaintenanceClass visitClass;
    private final LocalDate plannedOn;
    private VisitStatus status;
    private final String dueItems;
    private Instant checkInAt;
    private String checkInTokenHash;
    private Boolean checkInValid;
    private BigDecimal latitude;
    private BigDecimal longitude;
    private Instant startedAt;
    private Instant finishedAt;
    private Instant submittedAt;
    private String submissionKey;
    private String checklist;
    private String checklistDigest;
    private Instant confirmedAt;
    private UserId confirmedBy;
    private String confirmedByType;
    private final VisitId correctionOf;
    private final String correctionReason;
    private final Instant createdAt;
    @Version
    private Integer version;
    /** The checklist as objects, parsed at most once. */
    @Transient
    private List<ChecklistEntry> parsed;

    @PersistenceCreator
    MaintenanceVisit(VisitId id, ElevatorId elevatorId, OrganizationId companyId, CommunityId communityId,
            UserId maintainerId, MaintenanceClass visitClass, LocalDate plannedOn, VisitStatus status, String dueItems,
            Instant checkInAt, String checkInTokenHash, Boolean checkInValid, BigDecimal latitude, BigDecimal longitude,
            Instant startedAt, Instant finishedAt, Instant submittedAt, String submissionKey, String checklist,
            String checklistDigest, Instant confirmedAt, UserId confirmedBy, String confirmedByType,
            VisitId correctionOf, String correctionReason, Instant createdAt, Integer version) {
        this.id = id;
        this.elevatorId = elevatorId;
        this.companyId = companyId;
        this.communityId = communityId;
        this.maintainerId = maintainerId;
        this.visitClass = visitClass;
        this.plannedOn = plannedOn;
        this.status = status;
        this.dueItems = dueItems;
        this.checkInAt = checkInAt;
        this.checkInTokenHash = checkInTokenHash;
        this.checkInValid = checkInValid;
        this.latitude = latitude;
        this.longitude = longitude;
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
        this.submittedAt = submittedAt;
        this.submissionKey = submissionKey;
        this.checklist = checklist;
        this.checklistDigest = checklistDigest;
        this.confirmedAt = confirmedAt;
        this.confirmedBy = confirmedBy;
        this.confirmedByType = confirmedByType;
        this.correctionOf = correctionOf;
        this.correctionReason = correctionReason;
        this.createdAt = createdAt;
        this.version = version;
    }

    static MaintenanceVisit plan(VisitId id, ElevatorId elevator, OrganizationId company, CommunityId community,
            MaintenanceClass visitClass, LocalDate on, List<String> dueItems, UserId maintainer, Instant now) {
        MaintenanceVisit visit = new MaintenanceVisit(id, elevator, company, community, maintainer, visitClass, on,
                VisitStatus.PLANNED, String.join(",", dueItems), null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, now, null);
        visit.registerEvent(VisitChanged.created(visit));
        return visit;
    }

    /** A correction of a confirmed record: a new record, linked to the old one and saying why. */
    static MaintenanceVisit correcting(VisitId id, MaintenanceVisit original, String reason, Instant now) {
        if (original.status != VisitStatus.CONFIRMED) {
            throw new RuleViolationException("correction-needs-confirmed", "visit.correction.notConfirmed");
        }
        MaintenanceVisit visit = new MaintenanceVisit(id, original.elevatorId, original.companyId, original.communityId,
                original.maintainerId, original.visitClass, original.plannedOn, VisitStatus.CHECKED_IN, original.dueItems,
                original.checkInAt, null, original.checkInValid, original.latitude, original.longitude, null, null, null,
                null, null, null, null, null, null, original.id, reason, now, null);
        visit.registerEvent(VisitChanged.created(visit));
        return visit;
    }

    MaintenanceVisit assign(UserId maintainer) {
        requireStatus(VisitStatus.PLANNED);
        VisitView before = view();
        this.maintainerId = maintainer;
        registerEvent(new VisitChanged(id, before, view()));
        return this;
    }

    MaintenanceVisit checkIn(UserId maintainer, String tokenHash, boolean tokenValid, BigDecimal latitude,
            BigDecimal longitude, Instant now) {
        requireStatus(VisitStatus.PLANNED);
        VisitView before = view();
        this.maintainerId = maintainer;
        this.checkInAt = now;
        this.checkInTokenHash = tokenHash;
        this.checkInValid = tokenValid;
        this.latitude = latitude;
        this.longitude = longitude;
        this.status = VisitStatus.CHECKED_IN;
        registerEvent(new VisitChanged(id, before, view()));
        return this;
    }

    /** Records the checklist, which {@link ChecklistRules} has checked against the items due. */
    MaintenanceVisit record(UserId maintainer, List<ChecklistEntry> entries, Instant started, Instant finished,
            String key, Instant now) {
        if (status == VisitStatus.SUBMITTED || status == VisitStatus.CONFIRMED) {
            throw new RuleViolationException("record-once", "visit.record.alreadySubmitted");
        }
        if (finished.isBefore(started) || finished.isAfter(now)
                || Duration.between(started, finished).toHours() >= LONGEST_VISIT_HOURS) {
            throw new RuleViolationException("record-times", "visit.record.times");
        }
        VisitView before = view();
        if (this.maintainerId == null) {
            this.maintainerId = maintainer;
        }
        if (status == VisitStatus.PLANNED) {
            this.checkInValid = false; // recorded without an on-site check-in
        }
        this.startedAt = started;
        this.finishedAt = finished;
        this.submittedAt = now;
        this.submissionKey = key;
        this.parsed = List.copyOf(entries);
        this.checklist = Checklist.toJson(entries);
        this.checklistDigest = Checklist.digest(checklist);
        this.status = VisitStatus.SUBMITTED;
        registerEvent(new VisitChanged(id, before, view()));
        return this;
    }

    /** The safety manager's confirmation (TSG T5002 article 7); after it the record is final. */
    MaintenanceVisit confirm(UserId by, String organizationType, Instant now) {
        requireStatus(VisitStatus.SUBMITTED);
        VisitView before = view();
        this.confirmedAt = now;
        this.confirmedBy = by;
        this.confirmedByType = organizationType;
        this.status = VisitStatus.CONFIRMED;
        registerEvent(new VisitChanged(id, before, view()));
        return this;
    }

    private void requireStatus(VisitStatus expected) {
        if (status != expected) {
            throw new RuleViolationException("visit-status", "visit.status.expected", expected.name(), status.name());
        }
    }

    public VisitView view() {
        return new VisitView(id, elevatorId, companyId, communityId, maintainerId, visitClass, plannedOn, status,
                dueItemCodes(), checkInAt, checkInValid, latitude, longitude, startedAt, finishedAt, submittedAt,
                checklistDigest, confirmedAt, confirmedBy, confirmedByType, correctionOf, correctionReason);
    }

    public List<String> dueItemCodes() {
        return dueItems.isEmpty() ? List.of() : Arrays.asList(dueItems.split(","));
    }

    public List<ChecklistEntry> entries() {
        if (parsed == null) {
            parsed = Checklist.fromJson(checklist);
        }
        return parsed;
    }

    String checklistJson() {
        return checklist;
    }

    public VisitId id() {
        return id;
    }

    public ElevatorId elevatorId() {
        return elevatorId;
    }

    public OrganizationId companyId() {
        return companyId;
    }

    public UserId maintainerId() {
        return maintainerId;
    }

    public VisitStatus status() {
        return status;
    }

    String checkInTokenHashForImport() {
        return checkInTokenHash;
    }

    public String submissionKey() {
        return submissionKey;
    }

    /** The events raised and not yet published, for the bulk path that bypasses the repository. */
    List<Object> unpublishedEvents() {
        List<Object> events = List.copyOf(domainEvents());
        clearDomainEvents();
        return events;
    }
}
