package cn.liftcare.quality;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.OrganizationView;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.identity.UserDirectory;
import cn.liftcare.identity.UserId;
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
    private final OrganizationDirectory organizations;
    private final UserDirectory users;
    private final LiftCareTime time;

    Vetoes(JdbcClient jdbc, QualityScope scopes, ApplicationEventPublisher events, OrganizationDirectory organizations,
            UserDirectory users, LiftCareTime time) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.events = events;
        this.organizations = organizations;
        this.users = users;
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
        List<Violation> problems = check(veto);
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

    /** What is wrong with a veto's fields, field by field (the form shows each beside its field). */
    public List<Violation> check(NewVeto veto) {
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
        return problems;
    }

    /**
     * A recorded veto as its list shows it: the company, the elevator if one was named, the kind, the day and the
     * quarter it falls in, the evidence, who recorded it and when; {@code scorecard} is the quarter of the company's
     * scorecard to open (the veto's own if scored, else the company's latest), null if it was never scored.
     */
    public record VetoLine(long id, long companyId, String company, Long elevatorId, String registrationCode,
            String kind, LocalDate occurredOn, String quarter, String evidence, String recordedBy,
            String recordedByOrganization, Instant recordedAt, String scorecard) {
    }

    /**
     * The vetoes the caller may see, newest first: against a company whose scorecard it may open (a company only its
     * own), and of those naming an elevator only the elevators in its scope, unless the veto is against the caller
     * itself. Optionally of one company and of the days of one period (a quarter or a month).
     */
    public List<VetoLine> list(Scope scope, Long companyId, String periodCode, int limit) {
        Period period = periodCode == null || periodCode.isBlank() ? null : Period.parse(periodCode.strip());
        RegistryScope.Predicate company = scopes.subjects(scope, "SCORECARD", "v.company_id");
        RegistryScope.Predicate e = scopes.elevators(scope);
        record Row(long id, long companyId, Long elevatorId, String code, String kind, LocalDate on, String evidence,
                long by, Instant at, String scorecard) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT v.id, v.company_id, v.elevator_id, qe.registration_code, v.kind, v.occurred_on, v.evidence,
                       v.recorded_by, v.recorded_at,
                       coalesce((SELECT s.period FROM quality_score s
                                 WHERE s.level = 'COMPANY' AND s.subject_id = v.company_id
                                   AND s.period = to_char(v.occurred_on, 'YYYY') || '-Q' || extract(QUARTER FROM v.occurred_on)::int),
                                (SELECT s.period FROM quality_score s JOIN quality_period qp ON qp.period = s.period
                                 WHERE s.level = 'COMPANY' AND s.subject_id = v.company_id AND s.period LIKE '%-Q%'
                                 ORDER BY qp.starts_on DESC LIMIT 1)) AS scorecard
                FROM quality_veto v LEFT JOIN quality_elevator qe ON qe.elevator_id = v.elevator_id
                WHERE (CAST(:company AS BIGINT) IS NULL OR v.company_id = :company)
                  AND (CAST(:from AS DATE) IS NULL OR v.occurred_on >= :from)
                  AND (CAST(:to AS DATE) IS NULL OR v.occurred_on < :to)
                  AND (v.elevator_id IS NULL OR v.company_id = :viewer
                       OR v.elevator_id IN (SELECT e.elevator_id FROM quality_elevator e WHERE""" + " " + e.sql() + "))"
                + " AND " + company.sql() + " ORDER BY v.occurred_on DESC, v.id DESC LIMIT :limit")
                .params(QualityScope.merge(company.params(), e.params()))
                .param("company", companyId).param("viewer", scope.orgId())
                .param("from", period == null ? null : Date.valueOf(period.start()))
                .param("to", period == null ? null : Date.valueOf(period.end()))
                .param("limit", Math.max(1, Math.min(limit, 1_000)))
                .query((rs, i) -> {
                    long elevator = rs.getLong(3);
                    Long elevatorId = rs.wasNull() ? null : elevator;
                    return new Row(rs.getLong(1), rs.getLong(2), elevatorId, rs.getString(4), rs.getString(5),
                            rs.getObject(6, LocalDate.class), rs.getString(7), rs.getLong(8),
                            rs.getTimestamp(9).toInstant(), rs.getString(10));
                }).list();
        Map<OrganizationId, OrganizationView> companies = organizations.byIds(rows.stream()
                .map(r -> new OrganizationId(r.companyId())).distinct().toList());
        Map<UserId, UserDirectory.RecordedBy> users = this.users.names(rows.stream().map(r -> new UserId(r.by())).toList());
        return rows.stream().map(r -> {
            UserDirectory.RecordedBy by = users.get(new UserId(r.by()));
            return new VetoLine(r.id(), r.companyId(), Optional.ofNullable(companies.get(new OrganizationId(r.companyId())))
                    .map(OrganizationView::displayName).orElse(String.valueOf(r.companyId())), r.elevatorId(), r.code(),
                    r.kind(), r.on(), Period.quarterOf(r.on()).code(), r.evidence(),
                    by == null ? null : by.displayName(), by == null ? null : by.organizationName(), r.at(), r.scorecard());
        }).toList();
    }

    public record CompanyOption(long id, String name) {
    }

    /** The maintenance companies whose vetoes the caller may see and the regulator may record, by name. */
    public List<CompanyOption> companies(Scope scope) {
        RegistryScope.Predicate e = scopes.elevators(scope);
        List<OrganizationId> ids = jdbc.sql("SELECT DISTINCT e.maintenance_company_id FROM quality_elevator e "
                        + "WHERE e.maintenance_company_id IS NOT NULL AND " + e.sql())
                .params(e.params()).query(Long.class).list().stream().map(OrganizationId::new).toList();
        return organizations.byIds(ids).values().stream()
                .map(o -> new CompanyOption(o.id().value(), o.displayName()))
                .sorted(java.util.Comparator.comparing(CompanyOption::name)).toList();
    }

    /** An elevator in the caller's scope by its registration code, for a veto that names one. */
    public Optional<Long> elevatorInScope(Scope scope, String registrationCode) {
        if (registrationCode == null || registrationCode.isBlank()) {
            return Optional.empty();
        }
        RegistryScope.Predicate e = scopes.elevators(scope);
        return jdbc.sql("SELECT e.elevator_id FROM quality_elevator e WHERE e.registration_code = :code AND " + e.sql())
                .params(e.params()).param("code", registrationCode.strip()).query(Long.class).optional();
    }
}
