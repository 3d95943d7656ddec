package cn.liftcare.incidents;

import java.util.ArrayList;
import java.util.List;

/**
 * A step on an incident's timeline. The steps that move it forward may not be skipped or taken back; only
 * a false alarm or a reassignment leaves the straight path. The rest only annotate the timeline.
 */
public enum Step {
    REPORTED, DISPATCHED, ACCEPTED, ARRIVED, RELEASED, RESTORED, CONFIRMED,
    FALSE_ALARM,
    /** The regulator hands the rescue to a backup unit; the elevator's company stays accountable. */
    REASSIGNED,
    /** Annotations: they do not change the status. */
    REPORT_JOINED, TYPE_RAISED, ESCALATED, BREACHED;

    /** The steps a person may take next, in timeline order. */
    public static List<Step> allowed(IncidentStatus status, IncidentType type) {
        List<Step> next = new ArrayList<>();
        switch (status) {
            case REPORTED -> next.add(REASSIGNED);
            case DISPATCHED -> next.addAll(List.of(ACCEPTED, REASSIGNED));
            case ACCEPTED -> next.addAll(List.of(ARRIVED, REASSIGNED));
            case ARRIVED -> next.add(type == IncidentType.ENTRAPMENT ? RELEASED : RESTORED);
            case RELEASED -> next.add(RESTORED);
            case RESTORED -> next.add(CONFIRMED);
            case CONFIRMED, FALSE_ALARM -> {
                return List.of();
            }
        }
        // once passengers are out, somebody was trapped: it was no false alarm
        if (status.open() && status != IncidentStatus.RELEASED) {
            next.add(FALSE_ALARM);
        }
        return next;
    }

    /** The status a forward step leads to. */
    IncidentStatus leadsTo() {
        return switch (this) {
            case DISPATCHED, REASSIGNED -> IncidentStatus.DISPATCHED;
            case ACCEPTED -> IncidentStatus.ACCEPTED;
            case ARRIVED -> IncidentStatus.ARRIVED;
            case RELEASED -> IncidentStatus.RELEASED;
            case RESTORED -> IncidentStatus.RESTORED;
            case CONFIRMED -> IncidentStatus.CONFIRMED;
            case FALSE_ALARM -> IncidentStatus.FALSE_ALARM;
            default -> throw new IllegalArgumentException(this + " does not move an incident");
        };
    }
}
