package cn.liftcare.registry;

/**
 * Who is responsible for an elevator and where it stands: what decides which organisations see it. The owners'
 * committee (业委会) is its community's, null where the community has none.
 */
public record ElevatorParties(long elevatorId, String districtCode, long useUnitId, Long maintenanceCompanyId,
        Long ownersCommitteeId) {
}
