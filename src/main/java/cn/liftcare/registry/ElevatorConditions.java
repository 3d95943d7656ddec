package cn.liftcare.registry;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.liftcare.identity.Scope;

/** The WHERE clause of a filtered elevator list: the caller's scope, then each filter that is set. */
@Component
class ElevatorConditions {

    private final RegistryScope scopes;

    ElevatorConditions(RegistryScope scopes) {
        this.scopes = scopes;
    }

    /** The caller's scope as a predicate, resolved once per request and shared by its queries. */
    RegistryScope.Predicate scope(Scope scope) {
        return scopes.elevators(scope);
    }

    Where forElevators(Scope scope, ElevatorFilter f, LocalDate today) {
        return forElevators(scope(scope), f, today);
    }

    /** Conditions on {@code elevator e}: every filter, the age ones on the commissioning date. */
    Where forElevators(RegistryScope.Predicate scope, ElevatorFilter f, LocalDate today) {
        Where where = shared(scope, f);
        StringBuilder sql = new StringBuilder(where.sql());
        Map<String, Object> params = new HashMap<>(where.params());
        if (f.ageBand() != null) {
            sql.append(" AND e.commissioning_date <= :commissionedBy");
            params.put("commissionedBy", Date.valueOf(f.ageBand().commissionedOnOrBefore(today)));
            LocalDate after = f.ageBand().commissionedAfter(today);
            if (after != null) {
                sql.append(" AND e.commissioning_date > :commissionedAfter");
                params.put("commissionedAfter", Date.valueOf(after));
            }
        }
        if (f.minAge() != null) {
            sql.append(" AND e.commissioning_date <= :minAgeCommissionedBy");
            params.put("minAgeCommissionedBy", Date.valueOf(today.minusYears(f.minAge())));
        }
        if (f.q() != null) {
            sql.append(" AND (e.registration_code LIKE :q OR e.emergency_code LIKE :q)");
            params.put("q", f.q().replace("%", "").replace("_", "") + "%");
        }
        return new Where(sql.toString(), params);
    }

    /** Conditions on {@code elevator_tally e}: scope and the filters on its columns (not age, not code). */
    Where forTally(RegistryScope.Predicate scope, ElevatorFilter f) {
        return shared(scope, f);
    }

    private Where shared(RegistryScope.Predicate predicate, ElevatorFilter f) {
        StringBuilder sql = new StringBuilder(predicate.sql());
        Map<String, Object> params = new HashMap<>(predicate.params());
        if (f.community() != null) {
            if (f.community().chars().allMatch(Character::isDigit)) {
                sql.append(" AND e.community_id = :communityId");
                params.put("communityId", Long.parseLong(f.community()));
            }
            else {
                sql.append(" AND e.community_id IN (SELECT id FROM community WHERE name = :communityName)");
                params.put("communityName", f.community());
            }
        }
        if (f.brand() != null) {
            sql.append(" AND e.brand = :brand");
            params.put("brand", f.brand());
        }
        if (f.maintenanceCompanyId() != null) {
            sql.append(" AND e.maintenance_company_id = :maintainer");
            params.put("maintainer", f.maintenanceCompanyId());
        }
        if (f.status() != null) {
            sql.append(" AND e.status = :status");
            params.put("status", f.status().name());
        }
        if (f.type() != null) {
            sql.append(" AND e.type = :type");
            params.put("type", f.type().name());
        }
        return new Where(sql.toString(), params);
    }

    record Where(String sql, Map<String, Object> params) {
    }
}
