package cn.liftcare.incidents;

import java.util.Map;
import java.util.Optional;

/**
 * GB/T 24476-2023 fault codes (clause 11) and the incident each opens: an entrapment for 11; a hazard for
 * movements that endanger people (unintended movement, overtravel, escalator overspeed, reversal, a missing
 * step); out of service for the rest.
 */
final class AlarmFaults {

    private static final Map<String, IncidentType> TYPES = Map.ofEntries(
            Map.entry("01", IncidentType.OUT_OF_SERVICE), Map.entry("02", IncidentType.OUT_OF_SERVICE),
            Map.entry("03", IncidentType.OUT_OF_SERVICE), Map.entry("04", IncidentType.OUT_OF_SERVICE),
            Map.entry("05", IncidentType.SAFETY_HAZARD), Map.entry("06", IncidentType.OUT_OF_SERVICE),
            Map.entry("07", IncidentType.OUT_OF_SERVICE), Map.entry("08", IncidentType.OUT_OF_SERVICE),
            Map.entry("09", IncidentType.SAFETY_HAZARD), Map.entry("10", IncidentType.SAFETY_HAZARD),
            Map.entry("11", IncidentType.ENTRAPMENT), Map.entry("61", IncidentType.OUT_OF_SERVICE),
            Map.entry("62", IncidentType.SAFETY_HAZARD), Map.entry("63", IncidentType.SAFETY_HAZARD),
            Map.entry("64", IncidentType.SAFETY_HAZARD), Map.entry("65", IncidentType.OUT_OF_SERVICE));

    private AlarmFaults() {
    }

    static Optional<IncidentType> typeOf(String faultCode) {
        return Optional.ofNullable(faultCode == null ? null : TYPES.get(faultCode.strip()));
    }
}
