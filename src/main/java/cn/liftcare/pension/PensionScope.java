package cn.liftcare.pension;

import java.util.HashMap;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.registry.RegistryScope;

/**
 * Who sees which pension cases, as SQL over pension_case aliased {@code pc}: the insurer those under its cover,
 * the supervisor and inspection body those of their region waiting for an assessment and those they assessed,
 * the maintenance company those of the elevators it maintains, the use unit and owners' committee their
 * communities', the regulator its region (read only), the platform all.
 */
@Component
class PensionScope {

    static final Role[] READERS = {Role.ADMIN, Role.REGULATOR, Role.UNDERWRITER, Role.ADJUSTER, Role.SUPERVISOR,
            Role.INSPECTOR, Role.MAINTENANCE_MANAGER, Role.PROPERTY_MANAGER, Role.SAFETY_MANAGER, Role.OWNERS_REP};
    static final Role[] OPENERS = {Role.PROPERTY_MANAGER, Role.SAFETY_MANAGER, Role.MAINTENANCE_MANAGER};
    static final Role[] ASSESSORS = {Role.SUPERVISOR, Role.INSPECTOR};
    static final Role[] DECIDERS = {Role.UNDERWRITER, Role.ADJUSTER};

    private final RegistryScope registry;

    PensionScope(RegistryScope registry) {
        this.registry = registry;
    }

    static void require(Scope scope, Role... roles) {
        if (!scope.hasAny(roles)) {
            throw new AccessDeniedException("role");
        }
    }

    RegistryScope.Predicate cases(Scope scope) {
        require(scope, READERS);
        if (scope.organizationType() == OrganizationType.INSURER) {
            return new RegistryScope.Predicate("pc.insurer_id = :scopeOrg", Map.of("scopeOrg", scope.orgId()));
        }
        RegistryScope.Predicate elevators = registry.elevators(scope);
        String sql = elevators.sql().replace("e.", "pc.");
        if (scope.organizationType() == OrganizationType.SUPERVISOR
                || scope.organizationType() == OrganizationType.INSPECTION_BODY) {
            Map<String, Object> params = new HashMap<>(elevators.params());
            params.put("scopeAssessor", scope.orgId());
            return new RegistryScope.Predicate("(" + sql + " AND (pc.assessed_by_org IS NULL OR pc.assessed_by_org = "
                    + ":scopeAssessor))", params);
        }
        return new RegistryScope.Predicate(sql, elevators.params());
    }
}
