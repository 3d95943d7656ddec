package cn.liftcare.incidents;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges an incident against its limits at a moment. A limit is met when its step came at or before the
 * deadline ("within 30 minutes" includes the 30th); it is breached once the deadline has passed without it;
 * it is at risk once the escalation share of it has passed. All limits run from the first report.
 */
public final class ResponseClock {

    private ResponseClock() {
    }

    public enum Kind {
        ACCEPT, ARRIVAL, RESTORE
    }

    public enum State {
        MET, BREACHED, AT_RISK, RUNNING
    }

    public record Limit(Kind kind, int minutes, Instant due, Instant metAt, State state) {
    }

    /** The facts the clock needs; the incident gives them, and so can a test. */
    public record Facts(IncidentType type, IncidentStatus status, Instant reportedAt, Instant acceptedAt,
            Instant arrivedAt, Instant restoredAt, ResponseLimits limits) {
    }

    public static List<Limit> assess(Facts f, Instant now) {
        List<Limit> limits = new ArrayList<>();
        if (f.status() == IncidentStatus.FALSE_ALARM) {
            return limits;
        }
        limits.add(limit(Kind.ACCEPT, f.limits().acceptMinutes(), f, f.acceptedAt(), now));
        if (f.type() == IncidentType.ENTRAPMENT) {
            limits.add(limit(Kind.ARRIVAL, f.limits().arrivalMinutes(), f, f.arrivedAt(), now));
        }
        limits.add(limit(Kind.RESTORE, f.limits().restoreMinutes(), f, f.restoredAt(), now));
        return limits;
    }

    /** Whether the regulator should step in: an open limit at risk or breached before its step. */
    public static boolean needsEscalation(Facts f, Instant now) {
        return f.status().open() && assess(f, now).stream().anyMatch(l -> l.metAt() == null
                && (l.state() == State.AT_RISK || l.state() == State.BREACHED) && l.kind() != Kind.RESTORE);
    }

    private static Limit limit(Kind kind, int minutes, Facts f, Instant metAt, Instant now) {
        Instant due = f.reportedAt().plus(Duration.ofMinutes(minutes));
        State state;
        if (metAt != null) {
            state = metAt.isAfter(due) ? State.BREACHED : State.MET;
        }
        else if (now.isAfter(due)) {
            state = State.BREACHED;
        }
        else {
            long riskSeconds = minutes * 60L * f.limits().escalatePercent() / 100;
            state = !now.isBefore(f.reportedAt().plusSeconds(riskSeconds)) ? State.AT_RISK : State.RUNNING;
        }
        return new Limit(kind, minutes, due, metAt, state);
    }
}
