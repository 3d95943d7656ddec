package cn.liftcare.policies;

/** What the supervisor looks at in a risk survey (风险查勘) before an elevator may be insured. */
public enum SurveyItem {
    MACHINE_ROOM,
    TRACTION_MACHINE,
    BRAKE,
    SUSPENSION,
    CONTROLLER,
    DOORS,
    GOVERNOR_SAFETY_GEAR,
    PIT_BUFFERS,
    CAR_SIGNALS,
    EMERGENCY_ALARM,
    INSPECTION_STATUS,
    MAINTENANCE_RECORDS;

    public enum Result {
        OK,
        /** A defect to put right before cover starts. */
        DEFECT,
        /** A defect serious enough to decline, or to require a major repair first. */
        SEVERE
    }
}
