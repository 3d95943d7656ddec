package cn.liftcare.maintenance;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.identity.UserDirectory;
import cn.liftcare.identity.UserId;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.shared.IdSequences;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/**
 * The work of maintenance, in the order it happens: plan a visit, assign a certified maintainer, check in on
 * site with the car's code, record the checklist, have the use unit confirm it, correct it by a new record.
 * Every step is scoped: a company works only on the elevators it maintains; anything else is "not found".
 */
@Service
public class MaintenanceWork {

    private final MaintenanceVisits visits;
    private final MaintenancePlans plans;
    private final MaintainerCertificates certificates;
    private final PlanLookup lookup;
    private final ChecklistPlanner planner;
    private final ChecklistRules rules;
    private final CheckInTokens tokens;
    private final BoxTickingFlags flags;
    private final Photos photos;
    private final UserDirectory users;
    private final JdbcClient jdbc;
    private final IdSequences ids;
    private final LiftCareTime time;
    private final ApplicationEventPublisher events;

    MaintenanceWork(MaintenanceVisits visits, MaintenancePlans plans, MaintainerCertificates certificates,
            PlanLookup lookup, ChecklistPlanner planner, ChecklistRules rules, CheckInTokens tokens,
            BoxTickingFlags flags, Photos photos, UserDirectory users, JdbcClient jdbc, IdSequences ids,
            LiftCareTime time, ApplicationEventPublisher events) {
        this.visits = visits;
        this.plans = plans;
        this.certificates = certificates;
        this.lookup = lookup;
        this.planner = planner;
        this.rules = rules;
        this.tokens = tokens;
        this.flags = flags;
        this.photos = photos;
        this.users = users;
        this.jdbc = jdbc;
        this.ids = ids;
        this.time = time;
        this.events = events;
    }

    /** Plans a visit on a day: its class and its items due follow from the elevator's history. */
    @Transactional
    public VisitView plan(Scope scope, ElevatorId elevator, LocalDate on, UserId maintainer) {
        requireRole(scope, Role.MAINTENANCE_MANAGER, Role.MAINTAINER);
        ElevatorPlanRow row = companyElevator(scope, elevator);
        if (on == null || on.isBefore(time.today()) || on.isAfter(time.today().plusDays(90))) {
            throw new ValidationFailedException(Violation.of("plannedOn", "visit.plannedOn.range"));
        }
        if (maintainer != null) {
            requireCertifiedMaintainer(row.companyId(), maintainer, on);
        }
        return visits.save(newVisit(row, on, maintainer)).view();
    }

    MaintenanceVisit newVisit(ElevatorPlanRow row, LocalDate on, UserId maintainer) {
        MaintenanceClass visitClass = lookup.schedule(row).classFor(on);
        var lastDone = lookup.lastDone(row.elevatorId(), planner.cyclicalItems(row.annex()));
        List<String> codes = planner.dueItems(row.annex(), visitClass, on, row.commissioningDate(), lastDone).stream()
                .map(MaintenanceItem::code).toList();
        return MaintenanceVisit.plan(new VisitId(ids.next("maintenance_visit")), row.elevatorId(), row.companyId(),
                row.communityId(), visitClass, on, codes, maintainer, time.now());
    }

    @Transactional
    public VisitView assign(Scope scope, VisitId id, UserId maintainer) {
        requireRole(scope, Role.MAINTENANCE_MANAGER);
        MaintenanceVisit visit = companyVisit(scope, id);
        requireCertifiedMaintainer(visit.companyId(), maintainer, visit.view().plannedOn());
        return visits.save(visit.assign(maintainer)).view();
    }

    /**
     * Checks in on site with the code scanned in the car. A refused code still checks in, but as not valid,
     * which the visit's flags will show; a code already used is refused outright.
     */
    @Transactional
    public CheckIn checkIn(Scope scope, ElevatorId elevator, String token, BigDecimal latitude, BigDecimal longitude) {
        requireRole(scope, Role.MAINTAINER, Role.MAINTENANCE_MANAGER);
        ElevatorPlanRow row = companyElevator(scope, elevator);
        requireCertifiedMaintainer(row.companyId(), scope.userId(), time.today());
        CheckInTokens.Verdict verdict = tokens.verify(token, elevator);
        String hash = token == null || token.isBlank() ? null : CheckInTokens.hash(token);
        if (hash != null && jdbc.sql("SELECT count(*) > 0 FROM maintenance_visit WHERE check_in_token_hash = :h")
                .param("h", hash).query(Boolean.class).single()) {
            throw new RuleViolationException("check-in-code-used", "visit.checkIn.reused");
        }
        MaintenanceVisit visit = todaysVisit(row, scope.userId());
        checkCoordinates(latitude, longitude);
        boolean valid = verdict == CheckInTokens.Verdict.VALID;
        visits.save(visit.checkIn(scope.userId(), valid ? hash : null, valid, latitude, longitude, time.now()));
        return new CheckIn(visit.view(), verdict);
    }

    public record CheckIn(VisitView visit, CheckInTokens.Verdict verdict) {
    }

    /**
     * Records the checklist. The same submission sent twice (same key) makes one record; a different
     * submission after the first, or after confirmation, is refused.
     */
    @Transactional
    public VisitView record(Scope scope, VisitId id, List<ChecklistEntry> entries, Instant started, Instant finished,
            String key) {
        requireRole(scope, Role.MAINTAINER, Role.MAINTENANCE_MANAGER);
        if (key == null || key.isBlank() || key.length() > 100) {
            throw new ValidationFailedException(Violation.of("idempotencyKey", "visit.record.key"));
        }
        var earlier = visits.findBySubmissionKey(key);
        if (earlier.isPresent()) {
            if (!earlier.get().id().equals(id)) {
                throw new RuleViolationException("idempotency-key-reused", "visit.record.keyReused");
            }
            return earlier.get().view();
        }
        MaintenanceVisit visit = companyVisit(scope, id);
        if (started == null || finished == null) {
            throw new ValidationFailedException(Violation.of("startedAt", "validation.required"));
        }
        List<ChecklistEntry> checked = rules.check(visit.dueItemCodes(), entries);
        checkPhotos(visit.companyId(), checked);
        visit.record(scope.userId(), checked, started, finished, key, time.now());
        try {
            visits.save(visit);
        }
        catch (DuplicateKeyException raced) {
            // the same submission arrived twice at once: the first one stands
            return visits.findBySubmissionKey(key).orElseThrow(() -> raced).view();
        }
        Instant now = time.now();
        flags.keep(visit.id(), flags.onRecord(visit), now);
        raiseRepairNeeds(visit, checked, now);
        return visit.view();
    }

    /** The use unit's safety manager confirms (TSG T5002 art. 7); a company confirming itself is flagged. */
    @Transactional
    public VisitView confirm(Scope scope, VisitId id) {
        requireRole(scope, Role.SAFETY_MANAGER, Role.PROPERTY_MANAGER, Role.MAINTENANCE_MANAGER);
        MaintenanceVisit visit = visibleVisit(scope, id);
        visit.confirm(scope.userId(), scope.organizationType().name(), time.now());
        visits.save(visit);
        flags.keep(visit.id(), flags.onConfirm(visit.view()), time.now());
        return visit.view();
    }

    /** Corrects a confirmed record with a new one, linked to it and giving the reason; the old one stays. */
    @Transactional
    public VisitView correct(Scope scope, VisitId id, String reason, List<ChecklistEntry> entries, Instant started,
            Instant finished, String key) {
        requireRole(scope, Role.MAINTENANCE_MANAGER, Role.MAINTAINER);
        if (reason == null || reason.isBlank()) {
            throw new ValidationFailedException(Violation.of("reason", "validation.required"));
        }
        MaintenanceVisit original = companyVisit(scope, id);
        MaintenanceVisit correction = visits.save(MaintenanceVisit.correcting(new VisitId(ids.next("maintenance_visit")),
                original, reason.strip(), time.now()));
        return record(scope, correction.id(), entries, started, finished, key);
    }

    /** The regulator switches an elevator to on-demand maintenance; it must be remotely monitored. */
    @Transactional
    public MaintenancePlan.PlanView approveOnDemand(Scope scope, ElevatorId elevator, int intervalDays,
            String monitoringDevice, String note) {
        requireRole(scope, Role.REGULATOR);
        lookup.find(scope, elevator).orElseThrow(() -> new NotFoundException("elevator", elevator.value()));
        MaintenancePlan plan = plans.findById(elevator).orElseThrow(() -> new NotFoundException("elevator", elevator.value()));
        return plans.save(plan.approveOnDemand(intervalDays, monitoringDevice, scope.userId(), note, time.now())).view();
    }

    @Transactional
    public MaintenancePlan.PlanView revertToStandard(Scope scope, ElevatorId elevator, String note) {
        requireRole(scope, Role.REGULATOR);
        lookup.find(scope, elevator).orElseThrow(() -> new NotFoundException("elevator", elevator.value()));
        MaintenancePlan plan = plans.findById(elevator).orElseThrow(() -> new NotFoundException("elevator", elevator.value()));
        return plans.save(plan.revertToStandard(scope.userId(), note, time.now())).view();
    }

    /** A maintenance manager registers or renews a maintainer's 特种设备作业人员证. */
    @Transactional
    public MaintainerCertificate.CertificateView certify(Scope scope, UserId maintainer, String number,
            LocalDate expiresOn) {
        requireRole(scope, Role.MAINTENANCE_MANAGER, Role.ADMIN);
        List<Violation> violations = new ArrayList<>();
        if (number == null || !number.strip().matches("[A-Za-z0-9-]{6,40}")) {
            violations.add(Violation.of("certificateNo", "certificate.number.format"));
        }
        if (expiresOn == null) {
            violations.add(Violation.of("expiresOn", "validation.required"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        var user = users.list(scope).stream().filter(u -> u.id().equals(maintainer)
                        && u.roles().contains(Role.MAINTAINER)).findFirst()
                .orElseThrow(() -> new NotFoundException("maintainer", maintainer.value()));
        MaintainerCertificate certificate = certificates.findById(maintainer)
                .map(c -> c.renew(number.strip(), expiresOn))
                .orElseGet(() -> MaintainerCertificate.issue(maintainer, user.organizationId(), number.strip(), expiresOn));
        return certificates.save(certificate).view();
    }

    private void requireCertifiedMaintainer(OrganizationId company, UserId maintainer, LocalDate on) {
        MaintainerCertificate certificate = certificates.findById(maintainer)
                .filter(c -> c.view().companyId().equals(company))
                .orElseThrow(() -> new RuleViolationException("maintainer-certificate", "visit.maintainer.noCertificate"));
        if (!certificate.validOn(on)) {
            throw new RuleViolationException("maintainer-certificate-expired", "visit.maintainer.certificateExpired",
                    certificate.view().certificateNo(), certificate.view().expiresOn().toString());
        }
    }

    private MaintenanceVisit todaysVisit(ElevatorPlanRow row, UserId maintainer) {
        LocalDate today = time.today();
        return jdbc.sql("""
                SELECT id FROM maintenance_visit WHERE elevator_id = :elevator AND status = 'PLANNED'
                  AND planned_on BETWEEN :from AND :to AND (maintainer_id IS NULL OR maintainer_id = :maintainer)
                ORDER BY abs(planned_on - :today::date), id LIMIT 1""")
                .param("elevator", row.elevatorId().value()).param("from", java.sql.Date.valueOf(today.minusDays(7)))
                .param("to", java.sql.Date.valueOf(today.plusDays(7))).param("maintainer", maintainer.value())
                .param("today", java.sql.Date.valueOf(today))
                .query(Long.class).optional()
                .flatMap(found -> visits.findById(new VisitId(found)))
                .orElseGet(() -> visits.save(newVisit(row, today, maintainer)));
    }

    private ElevatorPlanRow companyElevator(Scope scope, ElevatorId elevator) {
        return lookup.find(scope, elevator)
                .filter(row -> scope.reach() == Scope.Reach.MAINTAINED_ELEVATORS
                        && Objects.equals(row.companyId(), scope.organizationId()))
                .orElseThrow(() -> new NotFoundException("elevator", elevator.value()));
    }

    private MaintenanceVisit companyVisit(Scope scope, VisitId id) {
        MaintenanceVisit visit = visits.findById(id).orElseThrow(() -> new NotFoundException("visit", id.value()));
        if (scope.reach() != Scope.Reach.MAINTAINED_ELEVATORS || !visit.companyId().equals(scope.organizationId())) {
            throw new NotFoundException("visit", id.value());
        }
        return visit;
    }

    /** A visit on an elevator the caller may see (the use unit confirming, say). */
    private MaintenanceVisit visibleVisit(Scope scope, VisitId id) {
        MaintenanceVisit visit = visits.findById(id).orElseThrow(() -> new NotFoundException("visit", id.value()));
        if (lookup.find(scope, visit.elevatorId()).isEmpty()) {
            throw new NotFoundException("visit", id.value());
        }
        return visit;
    }

    private void checkPhotos(OrganizationId company, List<ChecklistEntry> entries) {
        Set<Long> wanted = new java.util.HashSet<>();
        entries.stream().map(ChecklistEntry::photoId).filter(Objects::nonNull).forEach(wanted::add);
        Set<Long> owned = photos.ownedBy(company, wanted);
        List<Violation> violations = new ArrayList<>();
        for (ChecklistEntry e : entries) {
            if (e.photoId() != null && !owned.contains(e.photoId())) {
                violations.add(Violation.of("items[" + e.code() + "]", "visit.item.photoUnknown", e.code(), e.photoId()));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
    }

    private void raiseRepairNeeds(MaintenanceVisit visit, List<ChecklistEntry> entries, Instant now) {
        for (ChecklistEntry e : entries) {
            if (e.result() != ItemResult.ABNORMAL) {
                continue;
            }
            String description = (e.note() == null || e.note().isBlank()) ? e.code() : e.note();
            long needId = jdbc.sql("""
                    INSERT INTO repair_need (elevator_id, visit_id, item_code, description, raised_at, status)
                    VALUES (:elevator, :visit, :code, :description, :at, 'OPEN') RETURNING id""")
                    .param("elevator", visit.elevatorId().value()).param("visit", visit.id().value()).param("code", e.code())
                    .param("description", description.length() > 500 ? description.substring(0, 500) : description)
                    .param("at", Timestamp.from(now)).query(Long.class).single();
            events.publishEvent(new RepairNeedRaised(needId, visit.elevatorId(), visit.id(), null, e.code(), description));
        }
    }

    private static void checkCoordinates(BigDecimal latitude, BigDecimal longitude) {
        if ((latitude == null) != (longitude == null)
                || latitude != null && (latitude.abs().compareTo(BigDecimal.valueOf(90)) > 0
                || longitude.abs().compareTo(BigDecimal.valueOf(180)) > 0)) {
            throw new ValidationFailedException(Violation.of("latitude", "visit.checkIn.position"));
        }
    }

    private static void requireRole(Scope scope, Role... roles) {
        if (!scope.hasAny(roles)) {
            throw new AccessDeniedException("role");
        }
    }
}
