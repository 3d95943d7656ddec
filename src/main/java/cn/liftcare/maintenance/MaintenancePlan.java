package cn.liftcare.maintenance;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

import cn.liftcare.identity.UserId;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.shared.AuditAction;
import cn.liftcare.shared.AuditedChange;
import cn.liftcare.shared.RuleViolationException;

/**
 * An elevator's maintenance plan: how often it must be visited. Created standard with the elevator (see
 * {@link ElevatorFacts}); only the regulator may switch it to on-demand maintenance, and only for a
 * monitored elevator.
 */
@Table("maintenance_plan")
public class MaintenancePlan extends AbstractAggregateRoot<MaintenancePlan> {

    public static final int STANDARD_INTERVAL_DAYS = 15;
    public static final int LONGEST_ON_DEMAND_DAYS = 90;

    @Id
    private final ElevatorId elevatorId;
    private MaintenanceMode mode;
    private int maxIntervalDays;
    private String monitoringDevice;
    private UserId approvedBy;
    private Instant approvedAt;
    private String approvalNote;
    private final LocalDate startsOn;
    @Version
    private Integer version;

    @PersistenceCreator
    MaintenancePlan(ElevatorId elevatorId, MaintenanceMode mode, int maxIntervalDays, String monitoringDevice,
            UserId approvedBy, Instant approvedAt, String approvalNote, LocalDate startsOn, Integer version) {
        this.elevatorId = elevatorId;
        this.mode = mode;
        this.maxIntervalDays = maxIntervalDays;
        this.monitoringDevice = monitoringDevice;
        this.approvedBy = approvedBy;
        this.approvedAt = approvedAt;
        this.approvalNote = approvalNote;
        this.startsOn = startsOn;
        this.version = version;
    }

    /** The regulator approves on-demand maintenance (按需维保) for a monitored elevator. */
    MaintenancePlan approveOnDemand(int intervalDays, String monitoringDevice, UserId regulator, String note,
            Instant now) {
        if (monitoringDevice == null || monitoringDevice.isBlank()) {
            throw new RuleViolationException("on-demand-needs-monitoring", "plan.onDemand.monitoring");
        }
        if (intervalDays <= STANDARD_INTERVAL_DAYS || intervalDays > LONGEST_ON_DEMAND_DAYS) {
            throw new RuleViolationException("on-demand-interval", "plan.onDemand.interval", STANDARD_INTERVAL_DAYS + 1,
                    LONGEST_ON_DEMAND_DAYS);
        }
        PlanView before = view();
        this.mode = MaintenanceMode.ON_DEMAND;
        this.maxIntervalDays = intervalDays;
        this.monitoringDevice = monitoringDevice.strip();
        this.approvedBy = regulator;
        this.approvedAt = now;
        this.approvalNote = note;
        registerEvent(new PlanChanged(elevatorId, before, view()));
        return this;
    }

    /** Back to a visit every 15 days, e.g. when the monitoring is removed. */
    MaintenancePlan revertToStandard(UserId regulator, String note, Instant now) {
        PlanView before = view();
        this.mode = MaintenanceMode.STANDARD;
        this.maxIntervalDays = STANDARD_INTERVAL_DAYS;
        this.monitoringDevice = null;
        this.approvedBy = regulator;
        this.approvedAt = now;
        this.approvalNote = note;
        registerEvent(new PlanChanged(elevatorId, before, view()));
        return this;
    }

    public PlanView view() {
        return new PlanView(elevatorId, mode, maxIntervalDays, monitoringDevice, approvedBy, approvedAt, approvalNote,
                startsOn);
    }

    public record PlanView(ElevatorId elevatorId, MaintenanceMode mode, int maxIntervalDays, String monitoringDevice,
            UserId approvedBy, Instant approvedAt, String approvalNote, LocalDate startsOn) {
    }

    /** The plan's mode or interval changed. */
    public record PlanChanged(ElevatorId elevatorId, PlanView before, PlanView after) implements AuditedChange<PlanView> {

        @Override
        public String entityType() {
            return "maintenance_plan";
        }

        @Override
        public String entityId() {
            return String.valueOf(elevatorId.value());
        }

        @Override
        public AuditAction action() {
            return AuditAction.UPDATE;
        }
    }
}
