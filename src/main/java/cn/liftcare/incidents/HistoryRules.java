package cn.liftcare.incidents;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.liftcare.registry.ElevatorSnapshot;
import cn.liftcare.shared.Violation;

/** What a past incident must say before it is rebuilt: a known elevator, a report, steps in time order, in the past. */
final class HistoryRules {

    static final Set<Step> IMPORTED_STEPS = EnumSet.of(Step.ACCEPTED, Step.ARRIVED, Step.RELEASED, Step.RESTORED,
            Step.CONFIRMED, Step.FALSE_ALARM);

    private HistoryRules() {
    }

    static void checkReport(PastIncident p, ElevatorSnapshot elevator, Instant now, String field, List<Violation> violations) {
        if (p.elevatorId() == null) {
            violations.add(Violation.of(field + "elevatorId", "validation.required"));
        }
        else if (elevator == null) {
            violations.add(Violation.of(field + "elevatorId", "incident.history.elevator.unknown", p.elevatorId().value()));
        }
        if (p.channel() == null) {
            violations.add(Violation.of(field + "channel", "validation.required"));
        }
        if (p.symptom() == null) {
            violations.add(Violation.of(field + "symptom", "validation.required"));
        }
        if (p.description() != null && p.description().length() > 1000) {
            violations.add(Violation.of(field + "description", "validation.tooLong", 1000));
        }
        checkActor(p.reporter(), field + "reporter", violations);
        if (p.reportedAt() == null) {
            violations.add(Violation.of(field + "reportedAt", "validation.required"));
        }
        else if (p.reportedAt().isAfter(now)) {
            violations.add(Violation.of(field + "reportedAt", "incident.history.future"));
        }
    }

    /** Each step after the one before it (the report first), none after now; a false alarm says why. */
    static void checkSteps(PastIncident p, Instant now, String field, List<Violation> violations) {
        Instant previous = p.reportedAt();
        Step previousStep = Step.REPORTED;
        for (int j = 0; j < p.steps().size(); j++) {
            PastIncident.PastStep s = p.steps().get(j);
            String f = field + "steps[" + j + "].";
            if (s == null || s.step() == null) {
                violations.add(Violation.of(f + "step", "validation.required"));
                continue;
            }
            if (!IMPORTED_STEPS.contains(s.step())) {
                violations.add(Violation.of(f + "step", "incident.step.notManual", s.step().name()));
            }
            if (s.at() == null) {
                violations.add(Violation.of(f + "at", "validation.required"));
                continue;
            }
            if (previous != null && s.at().isBefore(previous)) {
                violations.add(Violation.of(f + "at", "incident.history.order", Violation.label(s.step()),
                        Violation.label(previousStep)));
            }
            else if (s.at().isAfter(now)) {
                violations.add(Violation.of(f + "at", "incident.history.future"));
            }
            if (s.step() == Step.FALSE_ALARM && (s.note() == null || s.note().isBlank())) {
                violations.add(Violation.of(f + "note", "incident.falseAlarm.reason"));
            }
            if (s.note() != null && s.note().length() > 500) {
                violations.add(Violation.of(f + "note", "validation.tooLong", 500));
            }
            checkActor(s.actor(), f + "actor", violations);
            previous = s.at();
            previousStep = s.step();
        }
    }

    /** A repair opened once somebody was there, before it was completed; never for a false alarm. */
    static void checkRepair(PastIncident p, Instant now, String field, List<Violation> violations) {
        PastIncident.PastRepair r = p.repair();
        Instant arrived = at(p, Step.ARRIVED);
        if (at(p, Step.FALSE_ALARM) != null) {
            violations.add(Violation.of(field + "repair", "incident.history.repair.falseAlarm"));
        }
        else if (arrived == null) {
            violations.add(Violation.of(field + "repair", "repair.open.notArrived"));
        }
        if (r.description() != null && r.description().length() > 500) {
            violations.add(Violation.of(field + "repair.description", "validation.tooLong", 500));
        }
        if (r.openedAt() == null) {
            violations.add(Violation.of(field + "repair.openedAt", "validation.required"));
            return;
        }
        if (arrived != null && r.openedAt().isBefore(arrived)) {
            violations.add(Violation.of(field + "repair.openedAt", "incident.history.order", "repair",
                    Violation.label(Step.ARRIVED)));
        }
        if (r.completedAt() != null && r.completedAt().isBefore(r.openedAt())) {
            violations.add(Violation.of(field + "repair.completedAt", "incident.history.repair.order"));
        }
        if (r.openedAt().isAfter(now) || r.completedAt() != null && r.completedAt().isAfter(now)) {
            violations.add(Violation.of(field + "repair", "incident.history.future"));
        }
    }

    /** When the step was taken, or null. */
    static Instant at(PastIncident p, Step step) {
        return p.steps().stream().filter(s -> s != null && s.step() == step).map(PastIncident.PastStep::at)
                .findFirst().orElse(null);
    }

    private static void checkActor(PastIncident.Actor actor, String field, List<Violation> violations) {
        if (actor != null && actor.name() != null && actor.name().length() > 100) {
            violations.add(Violation.of(field + ".name", "validation.tooLong", 100));
        }
    }
}
