package cn.liftcare.registry;

import java.util.Map;

import cn.liftcare.identity.Scope;

/**
 * Turns a caller's {@link Scope} into SQL predicates over the registry's tables. Every registry query
 * appends one of these, so scope is enforced by the database, not by the page.
 */
final class RegistryScope {

    private RegistryScope() {
    }

    /** A predicate on an elevator aliased {@code e}, and its parameters. */
    static Predicate elevators(Scope scope) {
        return switch (scope.reach()) {
            case ALL -> new Predicate("TRUE", Map.of());
            case REGION -> new Predicate("e.district_id IN (SELECT id FROM district WHERE code LIKE :scopeRegion)",
                    Map.of("scopeRegion", scope.region().likePattern()));
            case MAINTAINED_ELEVATORS -> new Predicate("e.maintenance_company_id = :scopeOrg",
                    Map.of("scopeOrg", scope.orgId()));
            case OWN_COMMUNITIES -> new Predicate("(e.use_unit_id = :scopeOrg OR e.community_id IN "
                    + "(SELECT id FROM community WHERE use_unit_id = :scopeOrg OR owners_committee_id = :scopeOrg))",
                    Map.of("scopeOrg", scope.orgId()));
        };
    }

    /** A predicate on a community aliased {@code c}: those holding an elevator in scope, or owned by the caller. */
    static Predicate communities(Scope scope) {
        return switch (scope.reach()) {
            case ALL -> new Predicate("TRUE", Map.of());
            case REGION -> new Predicate("c.district_id IN (SELECT id FROM district WHERE code LIKE :scopeRegion)",
                    Map.of("scopeRegion", scope.region().likePattern()));
            case MAINTAINED_ELEVATORS -> new Predicate(
                    "c.id IN (SELECT community_id FROM elevator WHERE maintenance_company_id = :scopeOrg)",
                    Map.of("scopeOrg", scope.orgId()));
            case OWN_COMMUNITIES -> new Predicate("(c.use_unit_id = :scopeOrg OR c.owners_committee_id = :scopeOrg "
                    + "OR c.id IN (SELECT community_id FROM elevator WHERE use_unit_id = :scopeOrg))",
                    Map.of("scopeOrg", scope.orgId()));
        };
    }

    /** A predicate on a district aliased {@code d}. */
    static Predicate districts(Scope scope) {
        return switch (scope.reach()) {
            case ALL -> new Predicate("TRUE", Map.of());
            case REGION -> new Predicate("d.code LIKE :scopeRegion", Map.of("scopeRegion", scope.region().likePattern()));
            case MAINTAINED_ELEVATORS -> new Predicate(
                    "d.id IN (SELECT district_id FROM elevator WHERE maintenance_company_id = :scopeOrg)",
                    Map.of("scopeOrg", scope.orgId()));
            case OWN_COMMUNITIES -> new Predicate("d.id IN (SELECT district_id FROM community "
                    + "WHERE use_unit_id = :scopeOrg OR owners_committee_id = :scopeOrg)", Map.of("scopeOrg", scope.orgId()));
        };
    }

    record Predicate(String sql, Map<String, ?> params) {
    }
}
