package cn.liftcare.registry;

import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.shared.LiftCareTime;

/**
 * Inserts newly registered elevators in JDBC batches and then publishes the events each one raised,
 * exactly as the repository would. Spring Data JDBC saves aggregates one statement at a time, which is
 * the slowest part of importing 10,000 rows; amendments still go through the repository.
 */
@Component
class ElevatorBulkInsert {

    private static final String INSERT = """
            INSERT INTO elevator (id, registration_code, emergency_code, type, brand, model, manufacture_date,
                commissioning_date, stops, rated_load_kg, rated_speed, use_category, unit_id, community_id, district_id,
                use_unit_id, maintenance_company_id, status, last_inspection_date, next_inspection_due, created_at,
                updated_at, inspection_failed, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, 0)""";

    private static final int[] TYPES = {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.DATE, Types.DATE, Types.INTEGER, Types.INTEGER, Types.NUMERIC, Types.VARCHAR,
            Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.DATE, Types.DATE,
            Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE};

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final LiftCareTime time;

    ElevatorBulkInsert(JdbcTemplate jdbc, ApplicationEventPublisher events, LiftCareTime time) {
        this.jdbc = jdbc;
        this.events = events;
        this.time = time;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void insert(List<Elevator> elevators) {
        OffsetDateTime now = time.now().atOffset(ZoneOffset.UTC);
        List<Object[]> rows = new ArrayList<>(elevators.size());
        for (Elevator elevator : elevators) {
            ElevatorSnapshot s = elevator.snapshot();
            rows.add(new Object[] {s.id().value(), s.registrationCode(), s.emergencyCode(), s.type().name(), s.brand(),
                    s.model(), s.manufactureDate(), s.commissioningDate(), s.stops(), s.ratedLoadKg(), s.ratedSpeed(),
                    s.useCategory().name(), s.unitId().value(), s.communityId().value(), elevator.districtId().value(),
                    s.useUnitId().value(), s.maintenanceCompanyId() == null ? null : s.maintenanceCompanyId().value(),
                    s.status().name(), s.lastInspectionDate(), s.nextInspectionDue(), now, now});
        }
        for (int from = 0; from < rows.size(); from += 1_000) {
            // explicit types: without them every null costs a round trip to ask the driver for the column's type
            jdbc.batchUpdate(INSERT, rows.subList(from, Math.min(rows.size(), from + 1_000)), TYPES);
        }
        for (Elevator elevator : elevators) {
            elevator.unpublishedEvents().forEach(events::publishEvent);
        }
    }
}
