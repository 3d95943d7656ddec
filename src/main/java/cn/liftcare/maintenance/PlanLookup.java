package cn.liftcare.maintenance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.Scope;
import cn.liftcare.registry.CommunityId;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.registry.ElevatorType;
import cn.liftcare.registry.RegistryScope;

/**
 * Reads plans within the caller's scope (the registry's scope predicate works on the plan table, which
 * carries the same scoping columns), and the dates an elevator's schedule is computed from.
 */
@Component
class PlanLookup {

    static final String COLUMNS = """
            e.elevator_id, e.registration_code, e.maintenance_company_id, e.community_id, e.use_unit_id,
            e.elevator_type, e.commissioning_date, e.elevator_status, e.mode, e.max_interval_days, e.starts_on,
            e.next_inspection_due""";

    private final JdbcClient jdbc;
    private final RegistryScope scopes;

    PlanLookup(JdbcClient jdbc, RegistryScope scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    Optional<ElevatorPlanRow> find(Scope scope, ElevatorId elevator) {
        RegistryScope.Predicate predicate = scopes.elevators(scope);
        return jdbc.sql("SELECT " + COLUMNS + " FROM maintenance_plan e WHERE e.elevator_id = :id AND " + predicate.sql())
                .params(predicate.params()).param("id", elevator.value()).query(PlanLookup::row).optional();
    }

    Optional<ElevatorPlanRow> byCode(String registrationCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM maintenance_plan e WHERE e.registration_code = :code")
                .param("code", registrationCode).query(PlanLookup::row).optional();
    }

    MaintenanceSchedule schedule(ElevatorPlanRow plan) {
        Map<MaintenanceClass, LocalDate> last = new EnumMap<>(MaintenanceClass.class);
        jdbc.sql("""
                SELECT visit_class, max((finished_at AT TIME ZONE 'Asia/Shanghai')::date)
                FROM maintenance_visit WHERE elevator_id = :id AND status IN ('SUBMITTED', 'CONFIRMED')
                GROUP BY visit_class""").param("id", plan.elevatorId().value())
                .query((rs, i) -> last.put(MaintenanceClass.valueOf(rs.getString(1)), rs.getObject(2, LocalDate.class)))
                .list();
        return new MaintenanceSchedule(last, plan.startsOn(), plan.maxIntervalDays());
    }

    /** When each of the given items was last done on the elevator (calibrations and seasonal items). */
    Map<String, LocalDate> lastDone(ElevatorId elevator, Iterable<String> codes) {
        Map<String, LocalDate> done = new HashMap<>();
        for (String code : codes) {
            jdbc.sql("""
                    SELECT max((finished_at AT TIME ZONE 'Asia/Shanghai')::date) FROM maintenance_visit
                    WHERE elevator_id = :id AND status IN ('SUBMITTED', 'CONFIRMED') AND checklist LIKE :pattern""")
                    .param("id", elevator.value()).param("pattern", "%\"code\":\"" + code + "\"%")
                    .query(LocalDate.class).optional().ifPresent(d -> done.put(code, d));
        }
        return done;
    }

    static ElevatorPlanRow row(ResultSet rs, int i) throws SQLException {
        long company = rs.getLong("maintenance_company_id");
        OrganizationId companyId = rs.wasNull() ? null : new OrganizationId(company);
        return new ElevatorPlanRow(new ElevatorId(rs.getLong("elevator_id")), rs.getString("registration_code"), companyId,
                new CommunityId(rs.getLong("community_id")), new OrganizationId(rs.getLong("use_unit_id")),
                ElevatorType.valueOf(rs.getString("elevator_type")), rs.getObject("commissioning_date", LocalDate.class),
                rs.getString("elevator_status"), MaintenanceMode.valueOf(rs.getString("mode")),
                rs.getInt("max_interval_days"), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("next_inspection_due", LocalDate.class));
    }
}
