package cn.liftcare.registry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

import cn.liftcare.identity.OrganizationId;

/**
 * A registered elevator (or escalator, or moving walk). Its facts change only through
 * {@link #register} and {@link #amend}, each raising {@link ElevatorChanged} with the state before and
 * after, which the audit log keeps as the elevator's history.
 */
@Table("elevator")
public class Elevator extends AbstractAggregateRoot<Elevator> {

    @Id
    private final ElevatorId id;
    private String registrationCode;
    private String emergencyCode;
    private ElevatorType type;
    private String brand;
    private String model;
    private LocalDate manufactureDate;
    private LocalDate commissioningDate;
    private int stops;
    private Integer ratedLoadKg;
    private BigDecimal ratedSpeed;
    private UseCategory useCategory;
    private UnitId unitId;
    private CommunityId communityId;
    private DistrictId districtId;
    private OrganizationId useUnitId;
    private OrganizationId maintenanceCompanyId;
    private ElevatorStatus status;
    private LocalDate lastInspectionDate;
    private LocalDate nextInspectionDue;
    private boolean inspectionFailed;
    private LocalDate renewedOn;
    private final Instant createdAt;
    private Instant updatedAt;
    @Version
    private Integer version;

    @PersistenceCreator
    Elevator(ElevatorId id, String registrationCode, String emergencyCode, ElevatorType type, String brand,
            String model, LocalDate manufactureDate, LocalDate commissioningDate, int stops, Integer ratedLoadKg,
            BigDecimal ratedSpeed, UseCategory useCategory, UnitId unitId, CommunityId communityId,
            DistrictId districtId, OrganizationId useUnitId, OrganizationId maintenanceCompanyId,
            ElevatorStatus status, LocalDate lastInspectionDate, LocalDate nextInspectionDue, boolean inspectionFailed,
            LocalDate renewedOn, Instant createdAt, Instant updatedAt, Integer version) {
        this.inspectionFailed = inspectionFailed;
        this.renewedOn = renewedOn;
        this.id = id;
        this.registrationCode = registrationCode;
        this.emergencyCode = emergencyCode;
        this.type = type;
        this.brand = brand;
        this.model = model;
        this.manufactureDate = manufactureDate;
        this.commissioningDate = commissioningDate;
        this.stops = stops;
        this.ratedLoadKg = ratedLoadKg;
        this.ratedSpeed = ratedSpeed;
        this.useCategory = useCategory;
        this.unitId = unitId;
        this.communityId = communityId;
        this.districtId = districtId;
        this.useUnitId = useUnitId;
        this.maintenanceCompanyId = maintenanceCompanyId;
        this.status = status;
        this.lastInspectionDate = lastInspectionDate;
        this.nextInspectionDue = nextInspectionDue;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    /** Registers an elevator whose details {@link ElevatorRules} and the registry have already accepted. */
    static Elevator register(ElevatorId id, ElevatorDetails d, Placement placement, OrganizationId useUnitId,
            Instant now) {
        Elevator elevator = new Elevator(id, null, null, null, null, null, null, null, 0, null, null, null, null,
                null, null, null, null, null, null, null, false, null, now, now, null);
        elevator.apply(d, placement, useUnitId);
        elevator.registerEvent(new ElevatorChanged(id, null, elevator.snapshot()));
        return elevator;
    }

    /** Changes the registered facts; a change that alters nothing records nothing. */
    Elevator amend(ElevatorDetails d, Placement placement, OrganizationId useUnitId, Instant now) {
        ElevatorSnapshot before = snapshot();
        apply(d, placement, useUnitId);
        ElevatorSnapshot after = snapshot();
        if (!after.equals(before)) {
            this.updatedAt = now;
            registerEvent(new ElevatorChanged(id, before, after));
        }
        return this;
    }

    private void apply(ElevatorDetails d, Placement placement, OrganizationId useUnitId) {
        this.registrationCode = d.registrationCode();
        this.emergencyCode = d.emergencyCode();
        this.type = d.type();
        this.brand = d.brand();
        this.model = d.model();
        this.manufactureDate = d.manufactureDate();
        this.commissioningDate = d.commissioningDate();
        this.stops = d.stops();
        this.ratedLoadKg = d.ratedLoadKg();
        this.ratedSpeed = d.ratedSpeed() == null ? null : d.ratedSpeed().setScale(2);
        this.useCategory = d.useCategory();
        this.unitId = placement.unitId();
        this.communityId = placement.communityId();
        this.districtId = placement.districtId();
        this.useUnitId = useUnitId;
        this.maintenanceCompanyId = d.maintenanceCompanyId();
        this.status = d.status();
        this.lastInspectionDate = d.lastInspectionDate();
        this.nextInspectionDue = d.nextInspectionDue();
    }

    /**
     * Records a periodic inspection or self-test (TSG T7001-2023): a failure suspends the elevator until an
     * inspection passes; the pass puts back in service only an elevator that the failure suspended.
     */
    Elevator inspected(LocalDate on, LocalDate nextDue, boolean passed, Instant now) {
        ElevatorSnapshot before = snapshot();
        this.lastInspectionDate = on;
        this.nextInspectionDue = nextDue;
        if (!passed && status == ElevatorStatus.IN_SERVICE) {
            this.status = ElevatorStatus.SUSPENDED;
            this.inspectionFailed = true;
        }
        else if (passed && inspectionFailed) {
            this.inspectionFailed = false;
            if (status == ElevatorStatus.SUSPENDED) {
                this.status = ElevatorStatus.IN_SERVICE;
            }
        }
        this.updatedAt = now;
        registerEvent(new ElevatorChanged(id, before, snapshot()));
        return this;
    }

    /**
     * Records a whole-elevator renewal (整梯更新) completed on a day: its age counts again from then, for rating
     * and the pension projection, while its insured years, which belong to the policies, are untouched.
     */
    Elevator renewed(LocalDate on, Instant now) {
        if (on.isBefore(commissioningDate) || renewedOn != null && !on.isAfter(renewedOn)) {
            throw new IllegalArgumentException("a renewal comes after the commissioning and any earlier renewal");
        }
        ElevatorSnapshot before = snapshot();
        this.renewedOn = on;
        this.updatedAt = now;
        registerEvent(new ElevatorChanged(id, before, snapshot()));
        return this;
    }

    /** The events raised and not yet published, for {@link ElevatorBulkInsert}, which bypasses the repository. */
    List<Object> unpublishedEvents() {
        List<Object> events = List.copyOf(domainEvents());
        clearDomainEvents();
        return events;
    }

    public ElevatorSnapshot snapshot() {
        return new ElevatorSnapshot(id, registrationCode, emergencyCode, type, brand, model, manufactureDate,
                commissioningDate, stops, ratedLoadKg, ratedSpeed, useCategory, unitId, communityId, districtId, useUnitId,
                maintenanceCompanyId, status, lastInspectionDate, nextInspectionDue, inspectionFailed, renewedOn);
    }

    /** Whole years in service on the given day, counted from the last whole renewal if there was one. */
    public int ageInYears(LocalDate today) {
        return Period.between(renewedOn != null ? renewedOn : commissioningDate, today).getYears();
    }

    public ElevatorId id() {
        return id;
    }

    public String registrationCode() {
        return registrationCode;
    }

    DistrictId districtId() {
        return districtId;
    }

    public CommunityId communityId() {
        return communityId;
    }

    public OrganizationId maintenanceCompanyId() {
        return maintenanceCompanyId;
    }
}
