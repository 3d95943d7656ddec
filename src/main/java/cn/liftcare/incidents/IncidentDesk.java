package cn.liftcare.incidents;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.registry.ElevatorRegistry;
import cn.liftcare.registry.ElevatorSnapshot;
import cn.liftcare.shared.IdSequences;
import cn.liftcare.shared.Images;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/**
 * Takes reports from every channel. A report of an elevator that already has an open incident joins it
 * (and counts); otherwise it opens one, dispatched at once. Reports of one elevator are taken one at a time,
 * so two residents pressing "send" together still make one incident.
 */
@Service
public class IncidentDesk {

    private final Incidents incidents;
    private final ElevatorRegistry registry;
    private final ResponseRules rules;
    private final Timeline timeline;
    private final ReportLimits limits;
    private final AlarmSources alarmSources;
    private final JdbcClient jdbc;
    private final IdSequences ids;
    private final LiftCareTime time;
    private final SecureRandom random = new SecureRandom();

    IncidentDesk(Incidents incidents, ElevatorRegistry registry, ResponseRules rules, Timeline timeline,
            ReportLimits limits, AlarmSources alarmSources, JdbcClient jdbc, IdSequences ids, LiftCareTime time) {
        this.incidents = incidents;
        this.registry = registry;
        this.rules = rules;
        this.timeline = timeline;
        this.limits = limits;
        this.alarmSources = alarmSources;
        this.jdbc = jdbc;
        this.ids = ids;
        this.time = time;
    }

    /** A resident's report from the QR page; no login, so limited per client. */
    @Transactional
    public ReportReceipt residentReport(ElevatorId elevator, NewReport report) {
        ElevatorSnapshot snapshot = registry.snapshots(List.of(elevator)).get(elevator);
        if (snapshot == null) {
            throw new NotFoundException("elevator", elevator.value());
        }
        validate(report);
        lock(elevator);
        limits.check(report.clientHash(), elevator, time.now());
        return take(snapshot, report, report.symptom().type(), null, null);
    }

    /** A report by the use unit, or by a 96333 operator from a phone call. */
    @Transactional
    public ReportReceipt staffReport(Scope scope, ElevatorId elevator, Symptom symptom, String description, String phone) {
        Channel channel;
        if (scope.hasAny(Role.CALL_CENTRE, Role.REGULATOR)) {
            channel = Channel.CALL_CENTRE;
        }
        else if (scope.hasAny(Role.PROPERTY_MANAGER, Role.SAFETY_MANAGER)) {
            channel = Channel.USE_UNIT;
        }
        else {
            throw new AccessDeniedException("role");
        }
        ElevatorSnapshot snapshot = registry.find(scope, elevator)
                .orElseThrow(() -> new NotFoundException("elevator", elevator.value()));
        NewReport report = NewReport.byStaff(channel, symptom, description, phone);
        validate(report);
        lock(elevator);
        return take(snapshot, report, symptom.type(), scope, null);
    }

    /**
     * A machine alarm, idempotent by the source's alarm id: the same alarm sent again answers with the
     * incident it made the first time and changes nothing.
     */
    @Transactional
    public AlarmReceipt alarm(String key, ElevatorId elevator, NewReport report) {
        // a missing or unknown key is unauthenticated (401) whoever else the caller is signed in as
        AlarmSources.Source source = alarmSources.authenticate(key)
                .orElseThrow(() -> new BadCredentialsException("alarm key"));
        if (source.elevatorId() != null && !source.elevatorId().equals(elevator)) {
            throw new AccessDeniedException("alarm key bound to another elevator");
        }
        List<Violation> violations = new ArrayList<>();
        if (report.alarmId() == null || report.alarmId().isBlank() || report.alarmId().length() > 100) {
            violations.add(Violation.of("alarmId", "validation.required"));
        }
        Optional<IncidentType> type = AlarmFaults.typeOf(report.faultCode());
        if (type.isEmpty()) {
            violations.add(Violation.of("faultCode", "alarm.faultCode.unknown", String.valueOf(report.faultCode())));
        }
        if (report.description() != null && report.description().length() > 1000) {
            violations.add(Violation.of("description", "validation.tooLong", 1000));
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        ElevatorSnapshot snapshot = registry.snapshots(List.of(elevator)).get(elevator);
        if (snapshot == null) {
            throw new NotFoundException("elevator", elevator.value());
        }
        lock(elevator);
        Optional<ReportReceipt> earlier = earlierAlarm(source.id(), report.alarmId().strip());
        if (earlier.isPresent()) {
            return new AlarmReceipt(earlier.get(), false);
        }
        return new AlarmReceipt(take(snapshot, report, type.get(), null, source), true);
    }

    public record AlarmReceipt(ReportReceipt receipt, boolean created) {
    }

    private ReportReceipt take(ElevatorSnapshot elevator, NewReport report, IncidentType type, Scope staff,
            AlarmSources.Source source) {
        Instant now = time.now();
        ResponseRule rule = rules.forDistrict(elevator.districtId());
        Optional<Incident> open = openIncident(elevator.id());
        Incident incident;
        String who = staff != null ? staff.username() : source != null ? source.name() : "resident";
        Long actorId = staff == null ? null : staff.userId().value();
        Long actorOrg = staff == null ? null : staff.orgId();
        String note = report.channel().name() + " · " + report.symptom().name()
                + (report.faultCode() == null ? "" : " · " + report.faultCode());
        if (open.isPresent()) {
            incident = open.get();
            IncidentType before = incident.type();
            boolean raised = incident.join(type, rule);
            incidents.save(incident);
            timeline.add(incident.id(), Step.REPORT_JOINED, now, actorId, who, actorOrg, note);
            if (raised) {
                timeline.add(incident.id(), Step.TYPE_RAISED, now, actorId, who, actorOrg,
                        before.name() + " → " + type.name());
            }
        }
        else {
            incident = incidents.save(Incident.report(new IncidentId(ids.next("incident")), elevator, type,
                    report.channel(), report.symptom(), clean(report.description()), rule, now));
            timeline.add(incident.id(), Step.REPORTED, now, actorId, who, actorOrg, note);
            if (incident.status() == IncidentStatus.DISPATCHED) {
                timeline.add(incident.id(), Step.DISPATCHED, now, null, "system", null, null);
            }
            else {
                // nobody maintains it: the regulator must find a rescue unit
                if (incident.escalate(now)) {
                    incidents.save(incident);
                    timeline.add(incident.id(), Step.ESCALATED, now, null, "system", null, "no maintenance company");
                }
            }
        }
        String tracking = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        String photoType = report.photo() == null || report.photo().length == 0 ? null
                : Images.check("photo", report.photo());
        jdbc.sql("""
                INSERT INTO incident_report (incident_id, elevator_id, channel, symptom, description, phone, photo_type,
                    photo, client_hash, reporter_id, alarm_source_id, alarm_id, fault_code, tracking_token, reported_at)
                VALUES (:incident, :elevator, :channel, :symptom, :description, :phone, :photoType, :photo, :client,
                    :reporter, :source, :alarm, :fault, :tracking, :at)""")
                .param("incident", incident.id().value()).param("elevator", elevator.id().value())
                .param("channel", report.channel().name()).param("symptom", report.symptom().name())
                .param("description", clean(report.description())).param("phone", clean(report.phone()))
                .param("photoType", photoType).param("photo", photoType == null ? null : report.photo())
                .param("client", report.clientHash()).param("reporter", actorId)
                .param("source", source == null ? null : source.id())
                .param("alarm", report.alarmId() == null ? null : report.alarmId().strip())
                .param("fault", report.faultCode() == null ? null : report.faultCode().strip())
                .param("tracking", tracking).param("at", Timestamp.from(now))
                .update();
        Incident saved = incidents.findById(incident.id()).orElseThrow();
        return new ReportReceipt(saved.id(), open.isEmpty(), reportCount(saved.id()), tracking, saved.status(),
                saved.type());
    }

    private Optional<Incident> openIncident(ElevatorId elevator) {
        return jdbc.sql("""
                SELECT id FROM incident WHERE elevator_id = :e AND closed_at IS NULL
                  AND status NOT IN ('RESTORED', 'CONFIRMED', 'FALSE_ALARM') ORDER BY id DESC LIMIT 1""")
                .param("e", elevator.value()).query(Long.class).optional()
                .flatMap(id -> incidents.findById(new IncidentId(id)));
    }

    private Optional<ReportReceipt> earlierAlarm(long source, String alarmId) {
        return jdbc.sql("""
                SELECT r.incident_id, r.tracking_token, i.status, i.type, i.report_count FROM incident_report r
                JOIN incident i ON i.id = r.incident_id WHERE r.alarm_source_id = :source AND r.alarm_id = :alarm""")
                .param("source", source).param("alarm", alarmId)
                .query((rs, i) -> new ReportReceipt(new IncidentId(rs.getLong(1)), false, rs.getInt(5), rs.getString(2),
                        IncidentStatus.valueOf(rs.getString(3)), IncidentType.valueOf(rs.getString(4))))
                .optional();
    }

    private int reportCount(IncidentId id) {
        return jdbc.sql("SELECT report_count FROM incident WHERE id = :id").param("id", id.value())
                .query(Integer.class).single();
    }

    /** One report of an elevator at a time, until the transaction ends. */
    private void lock(ElevatorId elevator) {
        jdbc.sql("SELECT pg_advisory_xact_lock(7, :e::int)").param("e", (int) elevator.value()).query().singleRow();
    }

    private static void validate(NewReport report) {
        List<Violation> violations = new ArrayList<>();
        if (report.symptom() == null) {
            violations.add(Violation.of("symptom", "validation.required"));
        }
        if (report.description() != null && report.description().length() > 1000) {
            violations.add(Violation.of("description", "validation.tooLong", 1000));
        }
        if (report.phone() != null && !report.phone().isBlank() && !report.phone().strip().matches("\\+?[0-9 -]{5,20}")) {
            violations.add(Violation.of("phone", "report.phone.format"));
        }
        if (report.photo() != null && report.photo().length > 0) {
            try {
                Images.check("photo", report.photo());
            }
            catch (ValidationFailedException e) {
                violations.addAll(e.violations());
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return bytes;
    }
}
