package cn.liftcare.claims;

import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.registry.RegistryScope;

/**
 * Who sees which claims, as SQL over claim aliased {@code c}: the insurer its own, the maintenance company those
 * it is paid by, the use unit and owners' committee their communities', the regulator and supervisor their
 * region, the platform all.
 */
@Component
class ClaimScope {

    static final Role[] READERS = {Role.ADMIN, Role.REGULATOR, Role.UNDERWRITER, Role.ADJUSTER, Role.SUPERVISOR,
            Role.MAINTENANCE_MANAGER, Role.PROPERTY_MANAGER, Role.SAFETY_MANAGER, Role.OWNERS_REP};

    private final RegistryScope registry;

    ClaimScope(RegistryScope registry) {
        this.registry = registry;
    }

    RegistryScope.Predicate claims(Scope scope) {
        if (!scope.hasAny(READERS)) {
            throw new AccessDeniedException("role");
        }
        if (scope.organizationType() == OrganizationType.INSURER) {
            return new RegistryScope.Predicate("c.insurer_id = :scopeOrg", Map.of("scopeOrg", scope.orgId()));
        }
        if (scope.organizationType() == OrganizationType.MAINTENANCE_COMPANY) {
            return new RegistryScope.Predicate("c.payee_id = :scopeOrg", Map.of("scopeOrg", scope.orgId()));
        }
        RegistryScope.Predicate elevators = registry.elevators(scope);
        return new RegistryScope.Predicate(elevators.sql().replace("e.", "c."), elevators.params());
    }
}
