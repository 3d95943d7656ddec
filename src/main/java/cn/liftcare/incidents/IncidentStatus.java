package cn.liftcare.incidents;

/** Where an incident stands on its timeline. */
public enum IncidentStatus {
    REPORTED, DISPATCHED, ACCEPTED, ARRIVED,
    /** 乘客解困: entrapments only. */
    RELEASED,
    RESTORED,
    /** Confirmed by the use unit: the end. */
    CONFIRMED,
    /** Closed as a false alarm: the end. */
    FALSE_ALARM;

    /** Whether the incident still needs somebody (the use unit's confirmation excepted). */
    public boolean open() {
        return this != RESTORED && this != CONFIRMED && this != FALSE_ALARM;
    }

    public boolean closed() {
        return this == CONFIRMED || this == FALSE_ALARM;
    }
}
