package cn.liftcare.incidents;

import java.util.ArrayList;
import java.util.List;

import cn.liftcare.registry.DistrictId;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/**
 * A district's response-time rule: acceptance, entrapment arrival (TSG T5002: 30 minutes in cities, an hour
 * elsewhere; Hangzhou's 2024 draft: 15), when to escalate, and the restore target by incident type.
 */
public record ResponseRule(DistrictId districtId, int acceptMinutes, int arrivalMinutes, int escalatePercent,
        int restoreEntrapmentMinutes, int restoreOutOfServiceMinutes, int restoreHazardMinutes, int restoreMinorMinutes) {

    /** The statutory defaults for a district without its own rule. */
    public static ResponseRule defaults(DistrictId district, boolean urban) {
        return new ResponseRule(district, 5, urban ? 30 : 60, 67, 120, 1440, 2880, 10080);
    }

    public ResponseLimits limitsFor(IncidentType type) {
        int restore = switch (type) {
            case ENTRAPMENT -> restoreEntrapmentMinutes;
            case OUT_OF_SERVICE -> restoreOutOfServiceMinutes;
            case SAFETY_HAZARD -> restoreHazardMinutes;
            case MINOR_DEFECT -> restoreMinorMinutes;
        };
        return new ResponseLimits(acceptMinutes, arrivalMinutes, escalatePercent, restore);
    }

    /** Refuses limits outside what the law and common sense allow, each beside its field. */
    public ResponseRule validated() {
        List<Violation> violations = new ArrayList<>();
        check(violations, "acceptMinutes", acceptMinutes, 1, 120);
        check(violations, "arrivalMinutes", arrivalMinutes, 5, 240);
        check(violations, "escalatePercent", escalatePercent, 10, 100);
        check(violations, "restoreEntrapmentMinutes", restoreEntrapmentMinutes, arrivalMinutes, 100_000);
        check(violations, "restoreOutOfServiceMinutes", restoreOutOfServiceMinutes, 10, 100_000);
        check(violations, "restoreHazardMinutes", restoreHazardMinutes, 10, 100_000);
        check(violations, "restoreMinorMinutes", restoreMinorMinutes, 10, 100_000);
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        return this;
    }

    private static void check(List<Violation> violations, String field, int value, int min, int max) {
        if (value < min || value > max) {
            violations.add(Violation.of(field, "rule.range", min, max));
        }
    }
}
