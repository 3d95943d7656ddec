package cn.liftcare.quality;

/**
 * The indicators a standard may weigh, each a figure over a period's facts. A figure without a denominator
 * (no visits, no entrapments, no votes, no spot checks) is not applicable: it does not count for or against.
 */
public enum Indicator {
    /** 按时维保率: visits within the plan's interval over the visits due (visits plus elevators left overdue). */
    ON_TIME,
    /** 记录真实完整率: visits without a box-ticking flag over all visits. */
    RECORDS,
    /** Faults per elevator-year. */
    FAULTS,
    /** Entrapments per elevator-year. */
    ENTRAPMENTS,
    /** 救援及时率: entrapments reached within the district's limit over all entrapments. */
    RESCUE,
    /** 定期检验一次合格率: inspections passed first time over all inspections. */
    INSPECTION,
    /** Residents' reports per elevator-year. */
    COMPLAINTS,
    /** Residents' mean stars (1–5). */
    SATISFACTION,
    /** The third-party spot checks' mean score (0–100). */
    SPOT_CHECK;

    /** The figure, or null when the facts give it no denominator. */
    public Double value(Facts f) {
        double years = f.exposureDays() / 365.0;
        return switch (this) {
            case ON_TIME -> ratio(f.visitsOnTime(), f.visits() + f.visitsMissed());
            case RECORDS -> f.visits() == 0 ? null : 1.0 - (double) f.visitsFlagged() / f.visits();
            case FAULTS -> years <= 0 ? null : f.faults() / years;
            case ENTRAPMENTS -> years <= 0 ? null : f.entrapments() / years;
            case RESCUE -> ratio(f.arrivalsWithin(), f.entrapments());
            case INSPECTION -> ratio(f.inspectionsFirstPass(), f.inspections());
            case COMPLAINTS -> years <= 0 ? null : f.complaints() / years;
            case SATISFACTION -> f.votes() == 0 ? null : f.voteStars() / f.votes();
            case SPOT_CHECK -> f.spotChecks() == 0 ? null : f.spotCheckPoints() / f.spotChecks();
        };
    }

    /** The numerator and denominator shown beside the figure, as text. */
    public String basis(Facts f) {
        return switch (this) {
            case ON_TIME -> f.visitsOnTime() + "/" + (f.visits() + f.visitsMissed());
            case RECORDS -> (f.visits() - f.visitsFlagged()) + "/" + f.visits();
            case FAULTS -> f.faults() + "/" + f.exposureDays() + "d";
            case ENTRAPMENTS -> f.entrapments() + "/" + f.exposureDays() + "d";
            case RESCUE -> f.arrivalsWithin() + "/" + f.entrapments();
            case INSPECTION -> f.inspectionsFirstPass() + "/" + f.inspections();
            case COMPLAINTS -> f.complaints() + "/" + f.exposureDays() + "d";
            case SATISFACTION -> f.voteStars() + "/" + f.votes();
            case SPOT_CHECK -> f.spotCheckPoints() + "/" + f.spotChecks();
        };
    }

    private static Double ratio(long numerator, long denominator) {
        return denominator == 0 ? null : Math.min(1.0, (double) numerator / denominator);
    }
}
