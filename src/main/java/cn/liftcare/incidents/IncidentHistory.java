package cn.liftcare.incidents;

import java.security.SecureRandom;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.maintenance.CheckInTokens;
import cn.liftcare.registry.DistrictId;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.registry.ElevatorRegistry;
import cn.liftcare.registry.ElevatorSnapshot;
import cn.liftcare.shared.IdSequences;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/**
 * Imports past incidents (a 96333 platform's work orders, the demo district's year) through the incident's
 * own steps: reported and dispatched at the report, then each step at its recorded time, the arrival sealed
 * with the check-in code the car showed at that moment; the limits (the district's rule of today) are judged
 * at the end, so a late arrival is a breach like a live one. All or nothing: one bad incident refuses the
 * batch, each fault beside its field. Written in batches.
 * <p>
 * History is not news: a closed incident notifies nobody and raises no events. One still open is watched
 * from now on like a live one: its rescue unit is notified, and it escalates now if it is at risk.
 */
@Service
public class IncidentHistory {

    private final Incidents incidents;
    private final RepairOrders orders;
    private final ElevatorRegistry registry;
    private final ResponseRules rules;
    private final Timeline timeline;
    private final Breaches breaches;
    private final Parts parts;
    private final CheckInTokens tokens;
    private final JdbcTemplate jdbc;
    private final IdSequences ids;
    private final LiftCareTime time;
    private final ApplicationEventPublisher events;
    private final cn.liftcare.maintenance.Photos photos;
    private final SecureRandom random = new SecureRandom();

    IncidentHistory(Incidents incidents, RepairOrders orders, ElevatorRegistry registry, ResponseRules rules,
            Timeline timeline, Breaches breaches, Parts parts, CheckInTokens tokens, JdbcTemplate jdbc, IdSequences ids,
            LiftCareTime time, ApplicationEventPublisher events, cn.liftcare.maintenance.Photos photos) {
        this.photos = photos;
        this.incidents = incidents;
        this.orders = orders;
        this.registry = registry;
        this.rules = rules;
        this.timeline = timeline;
        this.breaches = breaches;
        this.parts = parts;
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.ids = ids;
        this.time = time;
        this.events = events;
    }

    /**
     * An incident rebuilt, with its timeline, its arrival's code (hashed) and step, when it was settled (back
     * in service or a false alarm; null while open), its last step and its repair's checked lines.
     */
    private record Built(int index, Incident incident, PastIncident past, List<Timeline.Row> rows, String arrivalHash,
            int arrivalStep, Instant settledAt, Instant lastAt, List<RepairPart> repairLines) {
    }

    /** @return the new incidents' ids, in the order given */
    @Transactional
    public List<IncidentId> importAll(List<PastIncident> past) {
        Instant now = time.now();
        Map<ElevatorId, ElevatorSnapshot> elevators = registry.snapshots(past.stream().map(PastIncident::elevatorId)
                .filter(Objects::nonNull).distinct().toList());
        Map<PartId, Part> catalogue = parts.byIds(past.stream().filter(p -> p.repair() != null)
                .flatMap(p -> p.repair().parts().stream()).map(RepairWork.PartLine::partId).filter(Objects::nonNull)
                .map(PartId::new).distinct().toList());
        Map<DistrictId, ResponseRule> districtRules = new HashMap<>();
        List<Long> newIds = ids.next("incident", past.size());
        List<Violation> violations = new ArrayList<>();
        List<Built> built = new ArrayList<>(past.size());
        for (int i = 0; i < past.size(); i++) {
            PastIncident p = past.get(i);
            String field = "incidents[" + i + "].";
            int before = violations.size();
            ElevatorSnapshot elevator = p.elevatorId() == null ? null : elevators.get(p.elevatorId());
            HistoryRules.checkReport(p, elevator, now, field, violations);
            HistoryRules.checkSteps(p, now, field, violations);
            if (p.repair() != null) {
                HistoryRules.checkRepair(p, now, field, violations);
            }
            if (violations.size() > before) {
                continue;
            }
            ResponseRule rule = districtRules.computeIfAbsent(elevator.districtId(), rules::forDistrict);
            Built b = build(i, new IncidentId(newIds.get(i)), p, elevator, rule, catalogue, field, violations);
            if (b != null) {
                built.add(b);
            }
        }
        checkOverlaps(built, violations);
        checkArrivals(built, violations);
        checkPhotos(built, violations);
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        store(built, now);
        return newIds.stream().map(IncidentId::new).toList();
    }

    private Built build(int index, IncidentId id, PastIncident p, ElevatorSnapshot elevator, ResponseRule rule,
            Map<PartId, Part> catalogue, String field, List<Violation> violations) {
        IncidentType type = p.type() != null ? p.type() : p.symptom().type();
        Incident incident = Incident.report(id, elevator, type, p.channel(), p.symptom(), clean(p.description()), rule,
                p.reportedAt());
        List<Timeline.Row> rows = new ArrayList<>();
        PastIncident.Actor reporter = p.reporter() != null ? p.reporter() : PastIncident.Actor.named("resident");
        rows.add(row(id, Step.REPORTED, p.reportedAt(), reporter, null, p.channel().name() + " · " + p.symptom().name()));
        if (incident.status() == IncidentStatus.DISPATCHED) {
            rows.add(row(id, Step.DISPATCHED, p.reportedAt(), PastIncident.Actor.named("system"), null, null));
        }
        String arrivalHash = null;
        int arrivalStep = -1;
        for (int j = 0; j < p.steps().size(); j++) {
            PastIncident.PastStep s = p.steps().get(j);
            if (s.step() == Step.ARRIVED) {
                arrivalHash = CheckInTokens.hash(tokens.issuedAt(incident.elevatorId(), s.at()));
                arrivalStep = j;
            }
            try {
                take(incident, s, arrivalHash);
            }
            catch (RuleViolationException e) {
                violations.add(new Violation(field + "steps[" + j + "].step", e.messageKey(), List.of(e.args())));
                return null;
            }
            var unit = s.step() == Step.CONFIRMED ? incident.useUnitId() : incident.rescueCompanyId();
            rows.add(row(id, s.step(), s.at(), s.actor() != null ? s.actor() : PastIncident.Actor.named("import"),
                    unit == null ? null : unit.value(), s.note()));
        }
        List<RepairPart> lines = List.of();
        if (p.repair() != null && p.repair().completedAt() != null) {
            PastIncident.PastRepair r = p.repair();
            lines = RepairRules.check(field + "repair.", r.diagnosis(), r.faultLocation(), r.labourHours(), r.parts(),
                    catalogue, elevator.brand(), violations);
        }
        Instant settled = incident.status().open() ? null : p.steps().stream()
                .filter(s -> s.step() == Step.RESTORED || s.step() == Step.FALSE_ALARM).findFirst().orElseThrow().at();
        Instant last = p.steps().isEmpty() ? p.reportedAt() : p.steps().get(p.steps().size() - 1).at();
        return new Built(index, incident, p, rows, arrivalHash, arrivalStep, settled, last, lines);
    }

    private static void take(Incident incident, PastIncident.PastStep s, String arrivalHash) {
        switch (s.step()) {
            case ACCEPTED -> incident.accept(s.at());
            case ARRIVED -> incident.arrive(arrivalHash, s.at());
            case RELEASED -> incident.release(s.at());
            case RESTORED -> incident.restore(s.at());
            case CONFIRMED -> incident.confirm(s.at());
            case FALSE_ALARM -> incident.falseAlarm(s.at());
            default -> throw new RuleViolationException("incident-step-order", "incident.step.notManual", s.step().name());
        }
    }

    /**
     * A report while another incident of the elevator was open would have joined it, so one elevator's
     * incidents may not overlap; nor may one be left open beside another already open.
     */
    private void checkOverlaps(List<Built> built, List<Violation> violations) {
        Map<ElevatorId, List<Built>> byElevator = new HashMap<>();
        built.forEach(b -> byElevator.computeIfAbsent(b.incident().elevatorId(), e -> new ArrayList<>()).add(b));
        for (List<Built> list : byElevator.values()) {
            list.sort(Comparator.comparing(b -> b.past().reportedAt()));
            for (int k = 1; k < list.size(); k++) {
                Built earlier = list.get(k - 1);
                if (earlier.settledAt() == null || list.get(k).past().reportedAt().isBefore(earlier.settledAt())) {
                    violations.add(Violation.of("incidents[" + list.get(k).index() + "].reportedAt",
                            "incident.history.overlap"));
                }
            }
        }
        List<Built> open = built.stream().filter(b -> b.settledAt() == null).toList();
        if (!open.isEmpty()) {
            Set<Long> busy = new HashSet<>(jdbc.queryForList("""
                    SELECT elevator_id FROM incident WHERE closed_at IS NULL
                      AND status NOT IN ('RESTORED', 'CONFIRMED', 'FALSE_ALARM') AND elevator_id = ANY(?)""", Long.class,
                    (Object) open.stream().map(b -> b.incident().elevatorId().value()).toArray(Long[]::new)));
            open.stream().filter(b -> busy.contains(b.incident().elevatorId().value())).forEach(b -> violations.add(
                    Violation.of("incidents[" + b.index() + "].reportedAt", "incident.history.overlap")));
        }
    }

    /** A repair's photos must be ones its rescuing company uploaded, as for a live repair. */
    private void checkPhotos(List<Built> built, List<Violation> violations) {
        for (Built b : built) {
            PastIncident.PastRepair r = b.past().repair();
            if (r == null || r.beforePhotoId() == null && r.afterPhotoId() == null) {
                continue;
            }
            List<Long> wanted = java.util.stream.Stream.of(r.beforePhotoId(), r.afterPhotoId())
                    .filter(Objects::nonNull).toList();
            if (!photos.ownedBy(b.incident().rescueCompanyId(), wanted).containsAll(wanted)) {
                violations.add(Violation.of("incidents[" + b.index() + "].repair", "repair.photo.unknown"));
            }
        }
    }

    /** Each check-in code proves one arrival only, as a live one does. */
    private void checkArrivals(List<Built> built, List<Violation> violations) {
        List<Built> arrived = built.stream().filter(b -> b.arrivalHash() != null).toList();
        if (arrived.isEmpty()) {
            return;
        }
        Set<String> used = new HashSet<>(jdbc.queryForList(
                "SELECT arrival_token_hash FROM incident WHERE arrival_token_hash = ANY(?)", String.class,
                (Object) arrived.stream().map(Built::arrivalHash).toArray(String[]::new)));
        for (Built b : arrived) {
            if (!used.add(b.arrivalHash())) {
                violations.add(Violation.of("incidents[" + b.index() + "].steps[" + b.arrivalStep() + "].at",
                        "incident.arrival.token.USED"));
            }
        }
    }

    private void store(List<Built> built, Instant now) {
        List<Incident> closed = new ArrayList<>();
        List<Timeline.Row> rows = new ArrayList<>();
        for (Built b : built) {
            rows.addAll(b.rows());
            if (b.settledAt() != null) {
                b.incident().unpublishedEvents();
                closed.add(b.incident());
            }
        }
        incidents.saveAll(closed);
        for (Built b : built) {
            if (b.settledAt() == null) {
                watchFromNow(b.incident(), rows, now);
            }
        }
        reports(built);
        timeline.addAll(rows);
        for (Built b : built) {
            breaches.record(b.incident(), b.settledAt() == null ? now : b.lastAt());
        }
        repairs(built);
    }

    /** Still open: escalates now if at risk or nobody maintains the elevator, and announces it like a live one. */
    private void watchFromNow(Incident incident, List<Timeline.Row> rows, Instant now) {
        boolean unmaintained = incident.status() == IncidentStatus.REPORTED;
        if ((unmaintained || ResponseClock.needsEscalation(incident.facts(), now)) && incident.escalate(now)) {
            rows.add(row(incident.id(), Step.ESCALATED, now, PastIncident.Actor.named("system"), null,
                    unmaintained ? "no maintenance company" : null));
        }
        incidents.save(incident);
    }

    private void reports(List<Built> built) {
        List<Object[]> rows = new ArrayList<>(built.size());
        for (Built b : built) {
            PastIncident p = b.past();
            rows.add(new Object[] {b.incident().id().value(), p.elevatorId().value(), p.channel().name(),
                    p.symptom().name(), clean(p.description()),
                    p.reporter() == null || p.reporter().userId() == null ? null : p.reporter().userId().value(),
                    trackingToken(), p.reportedAt().atOffset(ZoneOffset.UTC)});
        }
        jdbc.batchUpdate("""
                INSERT INTO incident_report (incident_id, elevator_id, channel, symptom, description, reporter_id,
                    tracking_token, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", rows,
                new int[] {Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT,
                        Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE});
    }

    /** Each repair order opened from its incident and completed as recorded; audited once, in its final state. */
    private void repairs(List<Built> built) {
        List<Built> repaired = built.stream().filter(b -> b.past().repair() != null).toList();
        List<Long> newIds = ids.next("repair_order", repaired.size());
        List<RepairOrder> opened = new ArrayList<>(repaired.size());
        for (int k = 0; k < repaired.size(); k++) {
            Built b = repaired.get(k);
            PastIncident.PastRepair r = b.past().repair();
            String text = clean(r.description()) == null ? b.incident().type().name() : r.description().strip();
            RepairOrder order = RepairOrder.fromIncident(new RepairOrderId(newIds.get(k)), b.incident(),
                    b.incident().rescueCompanyId(), text, r.openedAt());
            if (r.completedAt() != null) {
                order.complete(new RepairOrder.Completion(r.diagnosis().strip(), r.faultLocation(), r.labourHours(),
                        r.beforePhotoId(), r.afterPhotoId(), null, null, b.repairLines()), r.completedBy(), r.completedAt());
            }
            order.unpublishedEvents();
            opened.add(order);
        }
        for (RepairOrder order : orders.saveAll(opened)) {
            events.publishEvent(new RepairOrderChanged(order.id(), null, order.view()));
        }
    }

    private static Timeline.Row row(IncidentId id, Step step, Instant at, PastIncident.Actor actor, Long unit,
            String note) {
        String name = actor.name() == null || actor.name().isBlank() ? "import" : actor.name().strip();
        Long organization = actor.organizationId() != null ? Long.valueOf(actor.organizationId().value()) : unit;
        return new Timeline.Row(id, step, at, actor.userId() == null ? null : actor.userId().value(), name, organization,
                note);
    }

    private String trackingToken() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
