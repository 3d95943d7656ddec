package cn.liftcare.registry;

/**
 * Filters of the elevator list. {@code community} is a community's id or its exact name; {@code minAge}
 * keeps elevators at least that many years in service; {@code q} matches the start of the registration
 * or emergency code.
 */
public record ElevatorFilter(String community, String brand, AgeBand ageBand, Integer minAge,
        Long maintenanceCompanyId, ElevatorStatus status, ElevatorType type, String q) {

    public static final ElevatorFilter NONE = new ElevatorFilter(null, null, null, null, null, null, null, null);

    public ElevatorFilter {
        community = blankToNull(community);
        brand = blankToNull(brand);
        q = blankToNull(q);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
