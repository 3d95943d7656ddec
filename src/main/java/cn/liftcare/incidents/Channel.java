package cn.liftcare.incidents;

/** Where a report came from. */
public enum Channel {
    /** A resident, from the QR page in the car, without login. */
    RESIDENT,
    USE_UNIT,
    /** Entered by a 96333 operator from a phone call. */
    CALL_CENTRE,
    /** A monitoring device or integration. */
    ALARM
}
