package cn.liftcare.incidents;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.liftcare.identity.Scope;
import cn.liftcare.registry.RegistryScope;

/**
 * Who sees which incidents, in SQL, on a table aliased {@code e} carrying the elevator's district, community,
 * use unit and maintenance company: the registry's rule, and a backup rescue unit also sees the incidents
 * handed to it.
 */
@Component
class IncidentScope {

    private final RegistryScope registry;

    IncidentScope(RegistryScope registry) {
        this.registry = registry;
    }

    RegistryScope.Predicate incidents(Scope scope) {
        RegistryScope.Predicate base = registry.elevators(scope);
        if (scope.reach() != Scope.Reach.MAINTAINED_ELEVATORS) {
            return base;
        }
        Map<String, Object> params = new HashMap<>(base.params());
        params.put("scopeRescuer", scope.orgId());
        return new RegistryScope.Predicate("(" + base.sql() + " OR e.rescue_company_id = :scopeRescuer)", params);
    }

    /** Repair orders and breaches: the registry's rule over their company column. */
    RegistryScope.Predicate byCompanyColumn(Scope scope, String column) {
        RegistryScope.Predicate base = registry.elevators(scope);
        return new RegistryScope.Predicate(base.sql().replace("e.maintenance_company_id", "e." + column), base.params());
    }
}
