package cn.liftcare.maintenance;

/** Signs of box-ticking maintenance (走过场), raised with their evidence. */
public enum VisitFlag {
    /** Shorter than the minimum for its class. */
    SHORT_VISIT,
    /** The same maintainer was recorded at another site at the same time. */
    OVERLAPPING_VISITS,
    /** No check-in with a valid code from the car. */
    NO_VALID_CHECK_IN,
    /** Every item ticked normal faster than the work can be done. */
    IMPLAUSIBLY_FAST,
    /** Confirmed by the maintenance company itself instead of the use unit. */
    SELF_CONFIRMED
}
