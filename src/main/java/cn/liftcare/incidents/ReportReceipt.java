package cn.liftcare.incidents;

/**
 * What a reporter gets back: the incident, whether the report opened it or joined it, and the tracking token
 * that lets a resident follow it without an account.
 */
public record ReportReceipt(IncidentId incidentId, boolean opened, int reportCount, String trackingToken,
        IncidentStatus status, IncidentType type) {
}
