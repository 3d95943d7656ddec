package cn.liftcare.incidents;

import java.time.Instant;
import java.util.List;

/** An incident in a list or on a board, judged against its limits at the moment of reading. */
public record IncidentRow(long id, long elevatorId, String registrationCode, long communityId, String community,
        IncidentType type, IncidentStatus status, Channel channel, int reportCount, Instant reportedAt,
        Long maintenanceCompanyId, String maintenanceCompany, Long rescueCompanyId, String rescueCompany,
        Instant escalatedAt, List<ResponseClock.Limit> limits) {

    /** The worst state among the limits not yet met: what a board colours the row by. */
    public ResponseClock.State risk() {
        ResponseClock.State worst = ResponseClock.State.MET;
        for (ResponseClock.Limit limit : limits) {
            if (limit.state() == ResponseClock.State.BREACHED) {
                return ResponseClock.State.BREACHED;
            }
            if (limit.state() == ResponseClock.State.AT_RISK) {
                worst = ResponseClock.State.AT_RISK;
            }
            else if (limit.state() == ResponseClock.State.RUNNING && worst == ResponseClock.State.MET) {
                worst = ResponseClock.State.RUNNING;
            }
        }
        return worst;
    }

    public boolean breached() {
        return limits.stream().anyMatch(l -> l.state() == ResponseClock.State.BREACHED);
    }
}
