package cn.liftcare.incidents;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

import cn.liftcare.identity.OrganizationId;
import cn.liftcare.registry.CommunityId;
import cn.liftcare.registry.DistrictId;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.registry.ElevatorSnapshot;
import cn.liftcare.shared.RuleViolationException;

/**
 * A fault or entrapment on one elevator, from its first report to the use unit's confirmation. Reports of
 * the same elevator while it is open join it. It is dispatched at once to the elevator's maintenance
 * company, which stays accountable for its limits even when the regulator hands the rescue to another unit.
 */
@Table("incident")
public class Incident extends AbstractAggregateRoot<Incident> {

    @Id
    private final IncidentId id;
    private final ElevatorId elevatorId;
    private final String registrationCode;
    private final DistrictId districtId;
    private final CommunityId communityId;
    private final OrganizationId useUnitId;
    private final OrganizationId maintenanceCompanyId;
    private OrganizationId rescueCompanyId;
    private IncidentType type;
    private IncidentStatus status;
    private final Channel channel;
    private final Symptom symptom;
    private final String description;
    private int reportCount;
    private final Instant reportedAt;
    private Instant dispatchedAt;
    private Instant acceptedAt;
    private Instant arrivedAt;
    private String arrivalTokenHash;
    private Instant releasedAt;
    private Instant restoredAt;
    private Instant confirmedAt;
    private Instant closedAt;
    private Instant escalatedAt;
    private final int acceptMinutes;
    private int arrivalMinutes;
    private final int escalatePercent;
    private int restoreMinutes;
    @Version
    private Integer version;

    @PersistenceCreator
    Incident(IncidentId id, ElevatorId elevatorId, String registrationCode, DistrictId districtId,
            CommunityId communityId, OrganizationId useUnitId, OrganizationId maintenanceCompanyId,
            OrganizationId rescueCompanyId, IncidentType type, IncidentStatus status, Channel channel, Symptom symptom,
            String description, int reportCount, Instant reportedAt, Instant dispatchedAt, Instant acceptedAt,
            Instant arrivedAt, String arrivalTokenHash, Instant releasedAt, Instant restoredAt, Instant confirmedAt,
            Instant closedAt, Instant escalatedAt, int acceptMinutes, int arrivalMinutes, int escalatePercent,
            int restoreMinutes, Integer version) {
        this.id = id;
        this.elevatorId = elevatorId;
        this.registrationCode = registrationCode;
        this.districtId = districtId;
        this.communityId = communityId;
        this.useUnitId = useUnitId;
        this.maintenanceCompanyId = maintenanceCompanyId;
        this.rescueCompanyId = rescueCompanyId;
        this.type = type;
        this.status = status;
        this.channel = channel;
        this.symptom = symptom;
        this.description = description;
        this.reportCount = reportCount;
        this.reportedAt = reportedAt;
        this.dispatchedAt = dispatchedAt;
        this.acceptedAt = acceptedAt;
        this.arrivedAt = arrivedAt;
        this.arrivalTokenHash = arrivalTokenHash;
        this.releasedAt = releasedAt;
        this.restoredAt = restoredAt;
        this.confirmedAt = confirmedAt;
        this.closedAt = closedAt;
        this.escalatedAt = escalatedAt;
        this.acceptMinutes = acceptMinutes;
        this.arrivalMinutes = arrivalMinutes;
        this.escalatePercent = escalatePercent;
        this.restoreMinutes = restoreMinutes;
        this.version = version;
    }

    /** Opens an incident from its first report and dispatches it at once to the maintenance company, if any. */
    static Incident report(IncidentId id, ElevatorSnapshot elevator, IncidentType type, Channel channel,
            Symptom symptom, String description, ResponseRule rule, Instant now) {
        ResponseLimits limits = rule.limitsFor(type);
        Incident incident = new Incident(id, elevator.id(), elevator.registrationCode(), elevator.districtId(),
                elevator.communityId(), elevator.useUnitId(), elevator.maintenanceCompanyId(), null, type,
                IncidentStatus.REPORTED, channel, symptom, description, 1, now, null, null, null, null, null, null, null,
                null, null, limits.acceptMinutes(), limits.arrivalMinutes(), limits.escalatePercent(),
                limits.restoreMinutes(), null);
        incident.registerEvent(new IncidentReported(id, elevator.id(), type, channel, now));
        if (elevator.maintenanceCompanyId() != null) {
            incident.dispatch(elevator.maintenanceCompanyId(), now);
        }
        return incident;
    }

    private void dispatch(OrganizationId company, Instant now) {
        this.rescueCompanyId = company;
        this.dispatchedAt = now;
        this.status = IncidentStatus.DISPATCHED;
        registerEvent(new IncidentDispatched(id, elevatorId, company, type, now));
    }

    /**
     * Another report of the same elevator joins this incident. A graver report raises its type (a noise
     * report, then somebody trapped), and with it the limits of the district's rule.
     * @return whether the type was raised
     */
    boolean join(IncidentType reported, ResponseRule rule) {
        requireOpen();
        reportCount++;
        if (!reported.outranks(type) || status.ordinal() >= IncidentStatus.ARRIVED.ordinal()) {
            return false;
        }
        this.type = reported;
        ResponseLimits limits = rule.limitsFor(reported);
        this.arrivalMinutes = limits.arrivalMinutes();
        this.restoreMinutes = limits.restoreMinutes();
        return true;
    }

    void accept(Instant now) {
        advance(Step.ACCEPTED);
        if (acceptedAt == null) {
            acceptedAt = now;
        }
    }

    /** Arrival is proven by the car's check-in code; the code's hash is kept so it cannot serve twice. */
    void arrive(String tokenHash, Instant now) {
        advance(Step.ARRIVED);
        this.arrivalTokenHash = tokenHash;
        this.arrivedAt = now;
    }

    void release(Instant now) {
        advance(Step.RELEASED);
        this.releasedAt = now;
    }

    void restore(Instant now) {
        advance(Step.RESTORED);
        this.restoredAt = now;
        registerEvent(new IncidentRestored(id, elevatorId, maintenanceCompanyId, type, reportedAt, now));
    }

    void confirm(Instant now) {
        advance(Step.CONFIRMED);
        this.confirmedAt = now;
        this.closedAt = now;
    }

    void falseAlarm(Instant now) {
        advance(Step.FALSE_ALARM);
        this.closedAt = now;
    }

    /** The regulator hands the rescue to a backup unit; the clock keeps running from the first report. */
    void reassign(OrganizationId unit, Instant now) {
        if (unit.equals(rescueCompanyId)) {
            throw new RuleViolationException("reassign-same-unit", "incident.reassign.same");
        }
        advance(Step.REASSIGNED);
        dispatch(unit, now);
    }

    /** @return whether this is the first escalation */
    boolean escalate(Instant now) {
        if (escalatedAt != null) {
            return false;
        }
        escalatedAt = now;
        registerEvent(new IncidentEscalated(id, elevatorId, districtId, now));
        return true;
    }

    private void advance(Step step) {
        List<Step> allowed = Step.allowed(status, type);
        if (!allowed.contains(step)) {
            throw new RuleViolationException("incident-step-order", "incident.step.order", step.name(),
                    status.name(), String.join(", ", allowed.stream().map(Step::name).toList()))
                    .with("allowed", allowed.stream().map(Step::name).toList());
        }
        this.status = step.leadsTo();
    }

    private void requireOpen() {
        if (!status.open()) {
            throw new RuleViolationException("incident-closed", "incident.closed");
        }
    }

    /** Hands over the events raised so far and forgets them: an import decides itself which to publish. */
    List<Object> unpublishedEvents() {
        List<Object> events = List.copyOf(domainEvents());
        clearDomainEvents();
        return events;
    }

    public ResponseClock.Facts facts() {
        return new ResponseClock.Facts(type, status, reportedAt, acceptedAt, arrivedAt, restoredAt,
                new ResponseLimits(acceptMinutes, arrivalMinutes, escalatePercent, restoreMinutes));
    }

    public IncidentId id() {
        return id;
    }

    public ElevatorId elevatorId() {
        return elevatorId;
    }

    public IncidentStatus status() {
        return status;
    }

    public IncidentType type() {
        return type;
    }

    public OrganizationId maintenanceCompanyId() {
        return maintenanceCompanyId;
    }

    public OrganizationId rescueCompanyId() {
        return rescueCompanyId;
    }

    public OrganizationId useUnitId() {
        return useUnitId;
    }

    public DistrictId districtId() {
        return districtId;
    }

    public CommunityId communityId() {
        return communityId;
    }

    public Instant reportedAt() {
        return reportedAt;
    }

    public Instant restoredAt() {
        return restoredAt;
    }

    public Instant escalatedAt() {
        return escalatedAt;
    }
}
