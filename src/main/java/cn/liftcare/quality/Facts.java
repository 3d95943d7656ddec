package cn.liftcare.quality;

/**
 * What happened in a period on one elevator under one company, or summed over a community or company: the
 * counts every indicator is figured from. Exposure is in elevator-days, so per elevator-year rates stay fair
 * for an elevator that changed company mid-period.
 */
public record Facts(long exposureDays, long visits, long visitsOnTime, long visitsMissed, long visitsFlagged,
        long faults, long entrapments, long arrivals, long arrivalsWithin, long inspections, long inspectionsFirstPass,
        long complaints, long votes, double voteStars, long spotChecks, double spotCheckPoints, long vetoes) {

    public static final Facts NONE = new Facts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public Facts plus(Facts o) {
        return new Facts(exposureDays + o.exposureDays, visits + o.visits, visitsOnTime + o.visitsOnTime,
                visitsMissed + o.visitsMissed, visitsFlagged + o.visitsFlagged, faults + o.faults,
                entrapments + o.entrapments, arrivals + o.arrivals, arrivalsWithin + o.arrivalsWithin,
                inspections + o.inspections, inspectionsFirstPass + o.inspectionsFirstPass, complaints + o.complaints,
                votes + o.votes, voteStars + o.voteStars, spotChecks + o.spotChecks,
                spotCheckPoints + o.spotCheckPoints, vetoes + o.vetoes);
    }
}
