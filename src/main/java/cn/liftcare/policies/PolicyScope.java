package cn.liftcare.policies;

import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.registry.RegistryScope;

/**
 * Who sees which policies and invoices, as SQL over a table aliased {@code p} that carries insurer_id,
 * use_unit_id, community_id and district_id: an insurer its own, a use unit or owners' committee its own
 * communities', a maintenance company the contracts where it is 丙方, the regulator and the supervisor
 * their region, the platform everything.
 */
@Component
class PolicyScope {

    static final Role[] POLICY_READERS = {Role.ADMIN, Role.REGULATOR, Role.UNDERWRITER, Role.ADJUSTER, Role.SUPERVISOR,
            Role.PROPERTY_MANAGER, Role.SAFETY_MANAGER, Role.OWNERS_REP, Role.MAINTENANCE_MANAGER};
    static final Role[] BILLING_READERS = {Role.ADMIN, Role.REGULATOR, Role.UNDERWRITER, Role.ADJUSTER,
            Role.PROPERTY_MANAGER, Role.SAFETY_MANAGER, Role.OWNERS_REP};

    private final RegistryScope registry;

    PolicyScope(RegistryScope registry) {
        this.registry = registry;
    }

    RegistryScope.Predicate policies(Scope scope) {
        require(scope, POLICY_READERS);
        if (scope.organizationType() == OrganizationType.MAINTENANCE_COMPANY) {
            return new RegistryScope.Predicate("EXISTS (SELECT 1 FROM policy_party pp WHERE pp.policy_id = p.id "
                    + "AND pp.role = 'MAINTENANCE_COMPANY' AND pp.org_id = :scopeOrg)", Map.of("scopeOrg", scope.orgId()));
        }
        return common(scope);
    }

    /** Invoices, over premium_invoice aliased p; maintenance companies see none. */
    RegistryScope.Predicate invoices(Scope scope) {
        require(scope, BILLING_READERS);
        return common(scope);
    }

    private RegistryScope.Predicate common(Scope scope) {
        if (scope.organizationType() == OrganizationType.INSURER) {
            return new RegistryScope.Predicate("p.insurer_id = :scopeOrg", Map.of("scopeOrg", scope.orgId()));
        }
        // the registry's predicate names only district_id, use_unit_id and community_id of an alias e
        RegistryScope.Predicate elevators = registry.elevators(scope);
        return new RegistryScope.Predicate(elevators.sql().replace("e.", "p."), elevators.params());
    }

    static void require(Scope scope, Role... roles) {
        if (!scope.hasAny(roles)) {
            throw new AccessDeniedException("role");
        }
    }
}
