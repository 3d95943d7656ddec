package cn.liftcare.incidents;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.registry.District.DistrictView;
import cn.liftcare.registry.DistrictId;
import cn.liftcare.registry.LocationManagement;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.NotFoundException;

/** Each district's response-time rule; the regulator of the district sets it. */
@Component
public class ResponseRules {

    private static final String COLUMNS = "district_id, accept_minutes, arrival_minutes, escalate_percent, "
            + "restore_entrapment_minutes, restore_out_of_service_minutes, restore_hazard_minutes, restore_minor_minutes";

    private final JdbcClient jdbc;
    private final LocationManagement locations;
    private final LiftCareTime time;

    ResponseRules(JdbcClient jdbc, LocationManagement locations, LiftCareTime time) {
        this.jdbc = jdbc;
        this.locations = locations;
        this.time = time;
    }

    public ResponseRule forDistrict(DistrictId district) {
        return stored(district).orElseGet(() -> ResponseRule.defaults(district,
                locations.district(district).map(DistrictView::urban).orElse(true)));
    }

    /** The rules of the districts the caller regulates (every district, for the platform). */
    public List<RuleRow> list(Scope scope) {
        return jdbc.sql("SELECT d.id, d.code, d.name, d.urban FROM district d WHERE d.code LIKE :pattern ORDER BY d.code")
                .param("pattern", scope.reach() == Scope.Reach.ALL ? "%" : scope.region().likePattern())
                .query((rs, i) -> new RuleRow(rs.getString("code"), rs.getString("name"), rs.getBoolean("urban"),
                        forDistrict(new DistrictId(rs.getLong("id")))))
                .list();
    }

    public record RuleRow(String districtCode, String districtName, boolean urban, ResponseRule rule) {
    }

    @Transactional
    public ResponseRule update(Scope scope, String districtCode, ResponseRule proposed) {
        if (!scope.hasAny(Role.REGULATOR, Role.ADMIN)) {
            throw new AccessDeniedException("role");
        }
        DistrictView district = locations.districtByCode(districtCode)
                .filter(d -> scope.reach() == Scope.Reach.ALL || scope.region().covers(d.code()))
                .orElseThrow(() -> new NotFoundException("district", districtCode));
        ResponseRule rule = new ResponseRule(district.id(), proposed.acceptMinutes(), proposed.arrivalMinutes(),
                proposed.escalatePercent(), proposed.restoreEntrapmentMinutes(), proposed.restoreOutOfServiceMinutes(),
                proposed.restoreHazardMinutes(), proposed.restoreMinorMinutes()).validated();
        jdbc.sql("INSERT INTO response_rule (" + COLUMNS + ", updated_at, updated_by, version) VALUES (:d, :accept, "
                        + ":arrival, :escalate, :re, :ro, :rh, :rm, :at, :by, 0) ON CONFLICT (district_id) DO UPDATE SET "
                        + "accept_minutes = :accept, arrival_minutes = :arrival, escalate_percent = :escalate, "
                        + "restore_entrapment_minutes = :re, restore_out_of_service_minutes = :ro, "
                        + "restore_hazard_minutes = :rh, restore_minor_minutes = :rm, updated_at = :at, updated_by = :by, "
                        + "version = response_rule.version + 1")
                .param("d", district.id().value()).param("accept", rule.acceptMinutes())
                .param("arrival", rule.arrivalMinutes()).param("escalate", rule.escalatePercent())
                .param("re", rule.restoreEntrapmentMinutes()).param("ro", rule.restoreOutOfServiceMinutes())
                .param("rh", rule.restoreHazardMinutes()).param("rm", rule.restoreMinorMinutes())
                .param("at", Timestamp.from(time.now())).param("by", scope.userId().value()).update();
        return rule;
    }

    private Optional<ResponseRule> stored(DistrictId district) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM response_rule WHERE district_id = :d").param("d", district.value())
                .query((rs, i) -> new ResponseRule(district, rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6), rs.getInt(7), rs.getInt(8)))
                .optional();
    }
}
