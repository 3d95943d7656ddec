package cn.liftcare.incidents;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.UserId;
import cn.liftcare.registry.ElevatorId;

/**
 * An incident as another platform (a 96333 work-order system) recorded it: the report, then the steps
 * taken, in order, each with its time and who took it; perhaps the repair it led to. Dispatch to the
 * elevator's maintenance company happens at the report, as it does live.
 *
 * @param type the incident type; null means the symptom's
 * @param reporter null for an anonymous resident
 * @param steps ACCEPTED, ARRIVED, RELEASED (entrapments), RESTORED, CONFIRMED; or FALSE_ALARM with a note
 * @param repair null when the incident led to no repair order
 */
public record PastIncident(ElevatorId elevatorId, Channel channel, Symptom symptom, IncidentType type,
        String description, Instant reportedAt, Actor reporter, List<PastStep> steps, PastRepair repair) {

    public PastIncident {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** Who took a step: a user, or a name alone (a resident, a device); the organisation if known. */
    public record Actor(UserId userId, String name, OrganizationId organizationId) {

        public static Actor named(String name) {
            return new Actor(null, name, null);
        }
    }

    /** @param actor null for the rescue unit (or, confirming, the use unit) without a named person */
    public record PastStep(Step step, Instant at, Actor actor, String note) {

        public static PastStep of(Step step, Instant at, Actor actor) {
            return new PastStep(step, at, actor, null);
        }
    }

    /**
     * The repair order the incident led to, opened after the arrival; completed (with diagnosis, location,
     * labour and parts) unless {@code completedAt} is null.
     */
    /** A past repair; its before and after photos, when the record has them, are the company's uploaded photos. */
    public record PastRepair(String description, Instant openedAt, String diagnosis, FaultLocation faultLocation,
            BigDecimal labourHours, List<RepairWork.PartLine> parts, Instant completedAt, UserId completedBy,
            Long beforePhotoId, Long afterPhotoId) {

        public PastRepair {
            parts = parts == null ? List.of() : List.copyOf(parts);
        }

        public PastRepair(String description, Instant openedAt, String diagnosis, FaultLocation faultLocation,
                BigDecimal labourHours, List<RepairWork.PartLine> parts, Instant completedAt, UserId completedBy) {
            this(description, openedAt, diagnosis, faultLocation, labourHours, parts, completedAt, completedBy, null, null);
        }

        public PastRepair withPhotos(Long before, Long after) {
            return new PastRepair(description, openedAt, diagnosis, faultLocation, labourHours, parts, completedAt,
                    completedBy, before, after);
        }
    }
}
