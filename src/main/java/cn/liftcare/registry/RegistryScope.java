package cn.liftcare.registry;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liftcare.identity.Scope;

/**
 * Turns a caller's {@link Scope} into SQL predicates over the registry's tables. Every registry query
 * appends one of these, so scope is enforced by the database, not by the page.
 * <p>
 * The elevator predicate lists the caller's districts or communities as ids, so PostgreSQL can use its
 * indexes rather than evaluate a sub-select for every row.
 */
@Component
public class RegistryScope {

    private final JdbcClient jdbc;

    RegistryScope(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A predicate on an elevator aliased {@code e}, and its parameters. It names only district_id,
     * maintenance_company_id, use_unit_id and community_id, so any table carrying those columns (the tally,
     * other modules' projections of elevators) can be scoped with it.
     */
    public Predicate elevators(Scope scope) {
        return switch (scope.reach()) {
            case ALL -> new Predicate("TRUE", Map.of());
            case REGION -> new Predicate("e.district_id IN (:scopeDistricts)", Map.of("scopeDistricts", nonEmpty(
                    jdbc.sql("SELECT id FROM district WHERE code LIKE :pattern")
                            .param("pattern", scope.region().likePattern()).query(Long.class).list())));
            case MAINTAINED_ELEVATORS -> new Predicate("e.maintenance_company_id = :scopeOrg",
                    Map.of("scopeOrg", scope.orgId()));
            case OWN_COMMUNITIES -> new Predicate("(e.use_unit_id = :scopeOrg OR e.community_id IN (:scopeCommunities))",
                    Map.of("scopeOrg", scope.orgId(), "scopeCommunities", nonEmpty(jdbc.sql(
                            "SELECT id FROM community WHERE use_unit_id = :org OR owners_committee_id = :org")
                            .param("org", scope.orgId()).query(Long.class).list())));
        };
    }

    /** A predicate on a community aliased {@code c}: those holding an elevator in scope, or owned by the caller. */
    Predicate communities(Scope scope) {
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

    /** An IN list must not be empty; no real row has id -1. */
    private static List<Long> nonEmpty(List<Long> ids) {
        return ids.isEmpty() ? List.of(-1L) : ids;
    }

    public record Predicate(String sql, Map<String, ?> params) {
    }
}
