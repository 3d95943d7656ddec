package cn.liftcare.registry;

import cn.liftcare.identity.OrganizationId;

/** A community with its place and parties, and how many elevators it has. */
public record CommunitySummary(CommunityId id, String name, String address, String district, String street,
        Integer builtYear, OrganizationId useUnitId, String useUnit, OrganizationId ownersCommitteeId,
        String ownersCommittee, long elevators) {
}
