package cn.liftcare.quality;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.liftcare.identity.Scope;
import cn.liftcare.registry.RegistryScope;

/**
 * Who sees which scores, as SQL over {@code quality_elevator} aliased {@code e} (it carries the columns the
 * registry's predicate names): elevators and communities in the caller's registry scope; the companies that
 * maintain any of those (the regulator its region's, a company itself, a use unit those serving it) for a
 * scorecard with its drill-down; and, as the published ranking, every company working in the districts the
 * caller's elevators are in.
 */
@Component
class QualityScope {

    private final RegistryScope registry;

    QualityScope(RegistryScope registry) {
        this.registry = registry;
    }

    RegistryScope.Predicate elevators(Scope scope) {
        return registry.elevators(scope);
    }

    /** Subjects (column) of one level the caller may see, as "column IN (…)". */
    RegistryScope.Predicate subjects(Scope scope, String level, String column) {
        RegistryScope.Predicate e = registry.elevators(scope);
        String sql = switch (level) {
            case "ELEVATOR" -> column + " IN (SELECT e.elevator_id FROM quality_elevator e WHERE " + e.sql() + ")";
            case "COMMUNITY" -> column + " IN (SELECT e.community_id FROM quality_elevator e WHERE " + e.sql() + ")";
            case "SCORECARD" -> column + " IN (SELECT e.maintenance_company_id FROM quality_elevator e WHERE " + e.sql() + ")";
            case "COMPANY" -> column + " IN (SELECT x.maintenance_company_id FROM quality_elevator x WHERE x.district_id IN "
                    + "(SELECT e.district_id FROM quality_elevator e WHERE " + e.sql() + "))";
            default -> throw new IllegalArgumentException(level);
        };
        return new RegistryScope.Predicate(sql, new HashMap<>(e.params()));
    }

    static Map<String, Object> merge(Map<String, ?> a, Map<String, ?> b) {
        Map<String, Object> all = new HashMap<>(a);
        all.putAll(b);
        return all;
    }
}
