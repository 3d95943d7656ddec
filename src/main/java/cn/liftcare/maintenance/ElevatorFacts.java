package cn.liftcare.maintenance;

import java.sql.Date;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.liftcare.registry.ElevatorChanged;
import cn.liftcare.registry.ElevatorSnapshot;
import cn.liftcare.shared.LiftCareTime;

/**
 * Keeps every elevator's plan row, and the elevator's facts maintenance needs, in step with the registry:
 * an elevator registered gets a standard plan (a visit at least every 15 days) at once, in the same
 * transaction. Changes of one transaction are written together just before it commits.
 */
@Component
class ElevatorFacts {

    private static final String UPSERT = """
            INSERT INTO maintenance_plan (elevator_id, registration_code, district_id, community_id, use_unit_id,
                maintenance_company_id, elevator_type, commissioning_date, elevator_status, next_inspection_due, mode,
                max_interval_days, starts_on, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'STANDARD', 15, ?, 0)
            ON CONFLICT (elevator_id) DO UPDATE SET registration_code = excluded.registration_code,
                district_id = excluded.district_id, community_id = excluded.community_id,
                use_unit_id = excluded.use_unit_id, maintenance_company_id = excluded.maintenance_company_id,
                elevator_type = excluded.elevator_type, commissioning_date = excluded.commissioning_date,
                elevator_status = excluded.elevator_status, next_inspection_due = excluded.next_inspection_due""";
    private static final int[] TYPES = {Types.BIGINT, Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.BIGINT,
            Types.BIGINT, Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.DATE, Types.DATE};

    private final JdbcTemplate jdbc;
    private final LiftCareTime time;

    ElevatorFacts(JdbcTemplate jdbc, LiftCareTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    @EventListener
    void on(ElevatorChanged event) {
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.latest.put(event.elevatorId().value(), event.after());
    }

    private void write(List<ElevatorSnapshot> snapshots) {
        Date today = Date.valueOf(time.today());
        List<Object[]> rows = snapshots.stream().map(s -> new Object[] {s.id().value(), s.registrationCode(),
                s.districtId().value(), s.communityId().value(), s.useUnitId().value(),
                s.maintenanceCompanyId() == null ? null : s.maintenanceCompanyId().value(), s.type().name(),
                s.commissioningDate(), s.status().name(), s.nextInspectionDue(), today}).toList();
        for (int from = 0; from < rows.size(); from += 1_000) {
            jdbc.batchUpdate(UPSERT, rows.subList(from, Math.min(rows.size(), from + 1_000)), TYPES);
        }
    }

    private final class Pending implements TransactionSynchronization {
        final Map<Long, ElevatorSnapshot> latest = new LinkedHashMap<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!latest.isEmpty()) {
                write(List.copyOf(latest.values()));
                latest.clear();
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(ElevatorFacts.this);
        }
    }
}
