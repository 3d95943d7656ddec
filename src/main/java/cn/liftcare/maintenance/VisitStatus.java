package cn.liftcare.maintenance;

public enum VisitStatus {
    /** Planned by the company, perhaps assigned to a maintainer. */
    PLANNED,
    /** The maintainer is on site. */
    CHECKED_IN,
    /** The checklist is in; the use unit's safety manager has yet to confirm it. */
    SUBMITTED,
    /** Confirmed (TSG T5002 article 7): final; a correction is a new record. */
    CONFIRMED
}
