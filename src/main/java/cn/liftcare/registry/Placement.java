package cn.liftcare.registry;

/** Where an elevator stands: its unit and, for scoping queries, the unit's community and district. */
public record Placement(UnitId unitId, CommunityId communityId, DistrictId districtId) {
}
