package cn.liftcare.quality;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.registry.RegistryScope;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/**
 * Veto items (否决项) the regulator records from its own findings: a liability accident, forged records, maintenance
 * by uncertified staff, against a company it oversees, optionally naming the elevator. The period they fall in is
 * graded lowest for the company (and the elevator) under a standard that names the kind. Spot checks that find the
 * last record untrue and visits by staff without a valid certificate count as vetoes by themselves.
 */
@Service
public class Vetoes {

    private final JdbcClient jdbc;
    private final QualityScope scopes;
    private final ApplicationEventPublisher events;
    private final LiftCareTime time;

    Vetoes(JdbcClient jdbc, QualityScope scopes, ApplicationEventPublisher events, LiftCareTime time) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.events = events;
        this.time = time;
    }

    public record NewVeto(Long companyId, Long elevatorId, String kind, LocalDate occurredOn, String evidence) {
    }

    public record VetoView(long id, long companyId, Long elevatorId, String kind, LocalDate occurredOn, String evidence) {
    }

    @Transactional
    public VetoView record(Scope scope, NewVeto veto) {
        if (!scope.hasAny(Role.REGULATOR)) {
            throw new AccessDeniedException("role");
        }
        List<Violation> problems = new ArrayList<>();
        if (veto.kind() == null || !Standard.VETO_KINDS.contains(veto.kind())) {
            problems.add(Violation.of("kind", "quality.standard.veto"));
        }
        if (veto.occurredOn() == null || veto.occurredOn().isAfter(time.today())) {
            problems.add(Violation.of("occurredOn", "quality.veto.occurredOn"));
        }
        if (veto.evidence() == null || veto.evidence().isBlank() || veto.evidence().length() > 1000) {
            problems.add(Violation.of("evidence", "quality.veto.evidence", 1000));
        }
        if (veto.companyId() == null) {
            problems.add(Violation.of("companyId", "quality.veto.company"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
        RegistryScope.Predicate company = scopes.subjects(scope, "SCORECARD", ":company");
        boolean inReach = jdbc.sql("SELECT " + company.sql()).params(company.params()).param("company", veto.companyId())
                .query(Boolean.class).single();
        if (!inReach) {
            throw new NotFoundException("maintenance company", veto.companyId());
        }
        if (veto.elevatorId() != null) {
            RegistryScope.Predicate e = scopes.elevators(scope);
            boolean known = jdbc.sql("SELECT count(*) > 0 FROM quality_elevator e WHERE e.elevator_id = :id AND " + e.sql())
                    .params(e.params()).param("id", veto.elevatorId()).query(Boolean.class).single();
            if (!known) {
                throw new NotFoundException("elevator", veto.elevatorId());
            }
        }
        long id = jdbc.sql("""
                INSERT INTO quality_veto (company_id, elevator_id, kind, occurred_on, evidence, recorded_by, recorded_at)
                VALUES (:company, :elevator, :kind, :on, :evidence, :by, :at) RETURNING id""")
                .param("company", veto.companyId()).param("elevator", veto.elevatorId()).param("kind", veto.kind())
                .param("on", Date.valueOf(veto.occurredOn())).param("evidence", veto.evidence().strip())
                .param("by", scope.userId().value()).param("at", Timestamp.from(time.now())).query(Long.class).single();
        VetoView view = new VetoView(id, veto.companyId(), veto.elevatorId(), veto.kind(), veto.occurredOn(),
                veto.evidence().strip());
        events.publishEvent(new VetoRecorded(id, null, view));
        return view;
    }
}
