package cn.liftcare.maintenance;

/**
 * The four maintenance classes of TSG T5002-2017 (半月、季度、半年、年度). They are cumulative: a quarterly
 * visit does the half-monthly items too, and an annual visit does all four tables.
 */
public enum MaintenanceClass {
    HALF_MONTH(15, 30),
    QUARTER(90, 45),
    HALF_YEAR(180, 60),
    YEAR(365, 120);

    private final int intervalDays;
    private final int minimumMinutes;

    MaintenanceClass(int intervalDays, int minimumMinutes) {
        this.intervalDays = intervalDays;
        this.minimumMinutes = minimumMinutes;
    }

    /** Days after a visit of this class (or a higher one) before this class is due again. */
    public int intervalDays() {
        return intervalDays;
    }

    /** Below this a visit of the class is flagged as too short (configurable, these are the defaults). */
    public int defaultMinimumMinutes() {
        return minimumMinutes;
    }

    /** Whether a visit of this class also does the items of {@code other}. */
    public boolean covers(MaintenanceClass other) {
        return ordinal() >= other.ordinal();
    }
}
