package cn.liftcare.incidents;

import java.time.Instant;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.maintenance.CheckInTokens;
import cn.liftcare.registry.RegistryScope;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/**
 * The rescue unit, the use unit and the regulator move an incident along its timeline. Each may take only
 * its own steps; an incident outside the caller's scope is "not found"; a step out of order is refused
 * with the steps allowed instead.
 */
@Service
public class IncidentWork {

    static final int MAX_NOTE = 400;

    private final Incidents incidents;
    private final IncidentScope scopes;
    private final Timeline timeline;
    private final Breaches breaches;
    private final CheckInTokens tokens;
    private final OrganizationDirectory organizations;
    private final JdbcClient jdbc;
    private final LiftCareTime time;

    IncidentWork(Incidents incidents, IncidentScope scopes, Timeline timeline, Breaches breaches, CheckInTokens tokens,
            OrganizationDirectory organizations, JdbcClient jdbc, LiftCareTime time) {
        this.incidents = incidents;
        this.scopes = scopes;
        this.timeline = timeline;
        this.breaches = breaches;
        this.tokens = tokens;
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.time = time;
    }

    /** What a step needs besides itself: the car's check-in code to arrive, the unit to reassign to, a note. */
    public record StepInput(String token, Long unitId, String note) {
        public static StepInput none() {
            return new StepInput(null, null, null);
        }
    }

    @Transactional
    public Incident take(Scope scope, IncidentId id, Step step, StepInput input) {
        Incident incident = visible(scope, id);
        Instant now = time.now();
        StepInput in = input == null ? StepInput.none() : input;
        if (in.note() != null && in.note().strip().length() > MAX_NOTE) {
            // the timeline keeps 500 characters, a reassignment's unit included
            throw new ValidationFailedException(Violation.of("note", "validation.tooLong", MAX_NOTE));
        }
        switch (step) {
            case ACCEPTED -> {
                requireRescuer(scope, incident);
                incident.accept(now);
            }
            case ARRIVED -> {
                requireRescuer(scope, incident);
                incident.arrive(arrivalToken(incident, in.token()), now);
            }
            case RELEASED -> {
                requireRescuer(scope, incident);
                incident.release(now);
            }
            case RESTORED -> {
                requireRescuer(scope, incident);
                incident.restore(now);
            }
            case CONFIRMED -> {
                requireRole(scope, Role.PROPERTY_MANAGER, Role.SAFETY_MANAGER);
                incident.confirm(now);
            }
            case FALSE_ALARM -> {
                if (!scope.hasAny(Role.REGULATOR, Role.CALL_CENTRE)) {
                    requireRescuer(scope, incident);
                }
                if (in.note() == null || in.note().isBlank()) {
                    throw new ValidationFailedException(Violation.of("note", "incident.falseAlarm.reason"));
                }
                incident.falseAlarm(now);
            }
            case REASSIGNED -> {
                requireRole(scope, Role.REGULATOR, Role.CALL_CENTRE);
                incident.reassign(rescueUnit(in.unitId()), now);
            }
            default -> throw new RuleViolationException("incident-step-order", "incident.step.notManual", step.name());
        }
        incidents.save(incident);
        timeline.add(incident.id(), step, now, scope,
                step == Step.REASSIGNED ? "→ " + in.unitId() + (in.note() == null ? "" : " · " + in.note()) : in.note());
        breaches.record(incident, now);
        return incident;
    }

    /** Only the unit the incident is dispatched to does the rescue. */
    private static void requireRescuer(Scope scope, Incident incident) {
        requireRole(scope, Role.MAINTAINER, Role.MAINTENANCE_MANAGER);
        if (!Objects.equals(incident.rescueCompanyId(), scope.organizationId())) {
            throw new AccessDeniedException("not the rescue unit");
        }
    }

    private String arrivalToken(Incident incident, String token) {
        CheckInTokens.Verdict verdict = tokens.verify(token, incident.elevatorId());
        if (verdict != CheckInTokens.Verdict.VALID) {
            throw new ValidationFailedException(Violation.of("token", "incident.arrival.token." + verdict.name()));
        }
        String hash = CheckInTokens.hash(token);
        if (jdbc.sql("SELECT count(*) > 0 FROM incident WHERE arrival_token_hash = :h").param("h", hash)
                .query(Boolean.class).single()) {
            throw new ValidationFailedException(Violation.of("token", "incident.arrival.token.USED"));
        }
        return hash;
    }

    private OrganizationId rescueUnit(Long unitId) {
        if (unitId == null) {
            throw new ValidationFailedException(Violation.of("unitId", "validation.required"));
        }
        return organizations.byIds(java.util.List.of(new OrganizationId(unitId))).values().stream()
                .filter(o -> o.type() == OrganizationType.MAINTENANCE_COMPANY).findFirst()
                .orElseThrow(() -> new ValidationFailedException(Violation.of("unitId", "incident.reassign.unit")))
                .id();
    }

    /** The incident, if the caller may see it. */
    Incident visible(Scope scope, IncidentId id) {
        RegistryScope.Predicate predicate = scopes.incidents(scope);
        boolean found = jdbc.sql("SELECT count(*) > 0 FROM incident e WHERE e.id = :id AND " + predicate.sql())
                .params(predicate.params()).param("id", id.value()).query(Boolean.class).single();
        if (!found) {
            throw new NotFoundException("incident", id.value());
        }
        return incidents.findById(id).orElseThrow(() -> new NotFoundException("incident", id.value()));
    }

    private static void requireRole(Scope scope, Role... roles) {
        if (!scope.hasAny(roles)) {
            throw new AccessDeniedException("role");
        }
    }
}
