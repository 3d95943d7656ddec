package cn.liftcare.identity;

import java.util.Set;

import cn.liftcare.shared.RegionCode;

/**
 * What the caller may see, resolved once per request from its organisation. Every query of scoped data
 * takes a Scope and turns it into a predicate in SQL; nothing is filtered only in the view.
 */
public record Scope(UserId userId, String username, OrganizationId organizationId, OrganizationType organizationType,
        RegionCode region, Set<Role> roles) {

    /** The platform acting on its own behalf: first-start seeding and scheduled work, never a request. */
    public static final Scope SYSTEM = new Scope(new UserId(0), "system", new OrganizationId(0),
            OrganizationType.PLATFORM, new RegionCode("000000"), Set.of(Role.ADMIN));

    public Scope {
        roles = Set.copyOf(roles);
    }

    /** How far the caller's organisation reaches into the registry. */
    public enum Reach {
        /** The platform operator. */
        ALL,
        /** Regulator, insurer, supervisor and inspection body: every elevator of their region. */
        REGION,
        /** A maintenance company: the elevators it maintains. */
        MAINTAINED_ELEVATORS,
        /** A use unit or owners' committee: the elevators of its own communities. */
        OWN_COMMUNITIES
    }

    public Reach reach() {
        return switch (organizationType) {
            case PLATFORM -> Reach.ALL;
            case REGULATOR, INSURER, SUPERVISOR, INSPECTION_BODY -> Reach.REGION;
            case MAINTENANCE_COMPANY -> Reach.MAINTAINED_ELEVATORS;
            case USE_UNIT, OWNERS_COMMITTEE -> Reach.OWN_COMMUNITIES;
        };
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... candidates) {
        for (Role role : candidates) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public long orgId() {
        return organizationId.value();
    }
}
