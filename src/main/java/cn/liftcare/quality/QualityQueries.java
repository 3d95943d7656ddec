package cn.liftcare.quality;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.Scope;
import cn.liftcare.incidents.IncidentFigures;
import cn.liftcare.maintenance.VisitFigures;
import cn.liftcare.registry.ElevatorQueries;
import cn.liftcare.registry.RegistryScope;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Quality's read side, scoped in SQL: rankings per level, a company's scorecard (its indicators, its elevators'
 * facts, its trend) and the records behind each figure. A company outside the caller's reach answers 404.
 */
@Component
public class QualityQueries {

    public enum Level {
        ELEVATOR, COMMUNITY, COMPANY
    }

    private final JdbcClient jdbc;
    private final QualityScope scopes;
    private final OrganizationDirectory organizations;
    private final ElevatorQueries elevators;
    private final VisitFigures visits;
    private final IncidentFigures incidents;
    private final JsonMapper json = JsonMapper.builder().build();

    QualityQueries(JdbcClient jdbc, QualityScope scopes, OrganizationDirectory organizations, ElevatorQueries elevators,
            VisitFigures visits, IncidentFigures incidents) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.organizations = organizations;
        this.elevators = elevators;
        this.visits = visits;
        this.incidents = incidents;
    }

    public static Level level(String text) {
        try {
            return Level.valueOf(text == null ? "COMPANY" : text.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new ValidationFailedException(Violation.of("level", "quality.level.invalid", text));
        }
    }

    public record ScoreRow(String period, Level level, long subjectId, String name, Long companyId, String companyName,
            double score, String grade, boolean vetoed, int rank, String standardVersion, boolean closed) {
    }

    /** A period's scores at one level, best first, within the caller's reach. */
    public List<ScoreRow> scores(Scope scope, String periodCode, Level level, int limit) {
        Period period = Period.parse(periodCode);
        RegistryScope.Predicate p = scopes.subjects(scope, level.name(), "s.subject_id");
        List<ScoreRow> rows = jdbc.sql("""
                SELECT s.period, s.level, s.subject_id, s.company_id, s.score, s.grade, s.vetoed, s.rank, s.standard_version,
                       qp.status = 'CLOSED' AS closed
                FROM quality_score s JOIN quality_period qp ON qp.period = s.period
                WHERE s.period = :period AND s.level = :level AND """ + " " + p.sql() + " ORDER BY s.rank LIMIT " + limit)
                .params(p.params()).param("period", period.code()).param("level", level.name())
                .query((rs, i) -> {
                    long company = rs.getLong("company_id");
                    return new ScoreRow(rs.getString("period"), Level.valueOf(rs.getString("level")),
                            rs.getLong("subject_id"), null, rs.wasNull() ? null : company, null, rs.getDouble("score"),
                            rs.getString("grade"), rs.getBoolean("vetoed"), rs.getInt("rank"),
                            rs.getString("standard_version"), rs.getBoolean("closed"));
                }).list();
        return named(rows);
    }

    /** Periods that have scores, newest first. */
    public List<PeriodRow> periods() {
        return jdbc.sql("SELECT period, starts_on, ends_on, standard_version, status FROM quality_period ORDER BY starts_on DESC, "
                        + "ends_on - starts_on DESC")
                .query((rs, i) -> new PeriodRow(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getString(4), "CLOSED".equals(rs.getString(5)))).list();
    }

    public record PeriodRow(String period, LocalDate startsOn, LocalDate endsOn, String standardVersion, boolean closed) {
    }

    public record ElevatorLine(long elevatorId, String registrationCode, String community, Facts facts, Double score,
            String grade) {
    }

    public record Breakdown(ScoreRow score, List<Scoring.Item> items, Facts facts, List<ElevatorLine> elevators,
            List<ScoreRow> trend, List<Payment> payments) {
    }

    public record Payment(long insurerId, String insurer, String grade, java.math.BigDecimal baseFee,
            java.math.BigDecimal factor, java.math.BigDecimal payable, Long entryId) {
    }

    /** A company's scorecard for a period: 404 unless the company is within the caller's reach and was scored. */
    public Breakdown breakdown(Scope scope, long companyId, String periodCode) {
        Period period = Period.parse(periodCode);
        ScoreRow row = scorecard(scope, companyId, period.code())
                .orElseThrow(() -> new NotFoundException("quality score", companyId + "/" + period.code()));
        List<Scoring.Item> items = jdbc.sql("SELECT breakdown FROM quality_score WHERE period = :p AND level = 'COMPANY' "
                        + "AND subject_id = :c").param("p", period.code()).param("c", companyId)
                .query((rs, i) -> json.readValue(rs.getString(1), new TypeReference<List<Scoring.Item>>() { })).single();
        Facts total = jdbc.sql("SELECT " + QualityScoring.SUMS + " FROM quality_fact WHERE period = :p AND company_id = :c")
                .param("p", period.code()).param("c", companyId).query((rs, i) -> QualityScoring.facts(rs, 1)).single();
        RegistryScope.Predicate e = scopes.elevators(scope);
        List<ElevatorLine> lines = jdbc.sql("SELECT f.elevator_id, e.registration_code, e.community_id, "
                        + QualityScoring.SUMS.replace("sum(", "sum(f.") + ", max(s.score), max(s.grade) "
                        + "FROM quality_fact f JOIN quality_elevator e ON e.elevator_id = f.elevator_id "
                        + "LEFT JOIN quality_score s ON s.period = f.period AND s.level = 'ELEVATOR' AND s.subject_id = f.elevator_id "
                        + "WHERE f.period = :p AND f.company_id = :c AND " + e.sql()
                        + " GROUP BY f.elevator_id, e.registration_code, e.community_id ORDER BY max(s.score), e.registration_code")
                .params(e.params()).param("p", period.code()).param("c", companyId)
                .query((rs, i) -> {
                    double score = rs.getDouble(21);
                    Double s = rs.wasNull() ? null : score;
                    return new ElevatorLine(rs.getLong(1), rs.getString(2), String.valueOf(rs.getLong(3)),
                            QualityScoring.facts(rs, 4), s, rs.getString(22));
                }).list();
        Map<Long, String> communities = elevators.communityNames(lines.stream().map(l -> Long.valueOf(l.community())).toList());
        lines = lines.stream().map(l -> new ElevatorLine(l.elevatorId(), l.registrationCode(),
                communities.getOrDefault(Long.valueOf(l.community()), l.community()), l.facts(), l.score(), l.grade())).toList();
        List<ScoreRow> trend = named(jdbc.sql("""
                SELECT s.period, s.subject_id, s.score, s.grade, s.vetoed, s.rank, s.standard_version, qp.status = 'CLOSED'
                FROM quality_score s JOIN quality_period qp ON qp.period = s.period
                WHERE s.level = 'COMPANY' AND s.subject_id = :c AND (s.period LIKE '%Q%') = :quarters ORDER BY qp.starts_on""")
                .param("c", companyId).param("quarters", period.quarter())
                .query((rs, i) -> new ScoreRow(rs.getString(1), Level.COMPANY, rs.getLong(2), null, null, null,
                        rs.getDouble(3), rs.getString(4), rs.getBoolean(5), rs.getInt(6), rs.getString(7), rs.getBoolean(8)))
                .list());
        List<Payment> payments = payments(scope, companyId, period.code());
        return new Breakdown(row, items, total, lines, trend, payments);
    }

    private List<Payment> payments(Scope scope, long companyId, String period) {
        boolean insurer = scope.organizationType() == cn.liftcare.identity.OrganizationType.INSURER;
        List<Payment> found = jdbc.sql("SELECT insurer_id, grade, base_fee, factor, payable, entry_id FROM quality_payment "
                        + "WHERE period = :p AND company_id = :c" + (insurer ? " AND insurer_id = :me" : "")
                        + " ORDER BY insurer_id")
                .param("p", period).param("c", companyId).param("me", scope.orgId())
                .query((rs, i) -> {
                    long entry = rs.getLong(6);
                    return new Payment(rs.getLong(1), null, rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                            rs.getBigDecimal(5), rs.wasNull() ? null : entry);
                }).list();
        Map<OrganizationId, cn.liftcare.identity.OrganizationView> names = organizations.byIds(
                found.stream().map(p -> new OrganizationId(p.insurerId())).toList());
        return found.stream().map(p -> new Payment(p.insurerId(), Optional.ofNullable(names.get(new OrganizationId(p.insurerId())))
                .map(cn.liftcare.identity.OrganizationView::displayName).orElse(null), p.grade(), p.baseFee(), p.factor(),
                p.payable(), p.entryId())).toList();
    }

    Optional<ScoreRow> scorecard(Scope scope, long companyId, String period) {
        RegistryScope.Predicate p = scopes.subjects(scope, "SCORECARD", "s.subject_id");
        return named(jdbc.sql("""
                SELECT s.period, s.subject_id, s.score, s.grade, s.vetoed, s.rank, s.standard_version, qp.status = 'CLOSED'
                FROM quality_score s JOIN quality_period qp ON qp.period = s.period
                WHERE s.period = :period AND s.level = 'COMPANY' AND s.subject_id = :company AND """ + " " + p.sql())
                .params(p.params()).param("period", period).param("company", companyId)
                .query((rs, i) -> new ScoreRow(rs.getString(1), Level.COMPANY, rs.getLong(2), null, null, null,
                        rs.getDouble(3), rs.getString(4), rs.getBoolean(5), rs.getInt(6), rs.getString(7), rs.getBoolean(8)))
                .list()).stream().findFirst();
    }

    /** One record behind a figure: what it is, its elevator, when, and whether it counted against the company. */
    public record RecordLine(String kind, long id, long elevatorId, String registrationCode, LocalDate day,
            Instant at, boolean against, String detail) {
    }

    /** The records behind one indicator of a company's scorecard, those against it first; only elevators in reach. */
    public List<RecordLine> records(Scope scope, long companyId, String periodCode, Indicator indicator) {
        Period period = Period.parse(periodCode);
        scorecard(scope, companyId, period.code())
                .orElseThrow(() -> new NotFoundException("quality score", companyId + "/" + period.code()));
        RegistryScope.Predicate e = scopes.elevators(scope);
        Map<Long, String> codes = new HashMap<>();
        jdbc.sql("SELECT DISTINCT f.elevator_id, e.registration_code FROM quality_fact f "
                        + "JOIN quality_elevator e ON e.elevator_id = f.elevator_id WHERE f.period = :p AND f.company_id = :c AND "
                        + e.sql()).params(e.params()).param("p", period.code()).param("c", companyId)
                .query((rs, i) -> codes.put(rs.getLong(1), rs.getString(2))).list();
        Collection<Long> ids = codes.keySet();
        List<RecordLine> lines = new ArrayList<>();
        switch (indicator) {
            case ON_TIME, RECORDS -> visits.visitRecords(companyId, ids, period.start(), period.end(), 1_000).forEach(v ->
                    lines.add(new RecordLine("visit", v.visitId(), v.elevatorId(), codes.get(v.elevatorId()), v.day(), null,
                            indicator == Indicator.ON_TIME ? !v.onTime() : !v.flags().isEmpty() || v.uncertified(),
                            indicator == Indicator.ON_TIME
                                    ? (v.previous() == null ? "—" : v.previous() + " → " + v.day() + " ("
                                            + (v.day().toEpochDay() - v.previous().toEpochDay()) + "/" + v.maxIntervalDays() + ")")
                                    : String.join(",", v.flags()) + (v.uncertified() ? " UNCERTIFIED" : ""))));
            case FAULTS, ENTRAPMENTS, RESCUE, COMPLAINTS -> incidents.incidentRecords(companyId, ids, period.start(),
                    period.end(), 1_000).stream()
                    .filter(r -> indicator == Indicator.FAULTS || (indicator == Indicator.COMPLAINTS ? r.residentReports() > 0
                            : "ENTRAPMENT".equals(r.type())))
                    .forEach(r -> lines.add(new RecordLine("incident", r.incidentId(), r.elevatorId(),
                            codes.get(r.elevatorId()), LocalDate.ofInstant(r.reportedAt(), cn.liftcare.shared.LiftCareTime.ZONE),
                            r.reportedAt(),
                            indicator == Indicator.RESCUE ? !r.withinLimit() : true,
                            r.type() + (r.arrivalMinutes() == null ? "" : " " + r.arrivalMinutes() + "/" + r.limitMinutes() + " min")
                                    + (r.residentReports() > 0 ? " ×" + r.residentReports() : ""))));
            case INSPECTION -> visits.inspectionRecords(ids, period.start(), period.end()).forEach(r -> lines.add(
                    new RecordLine("inspection", r.inspectionId(), r.elevatorId(), codes.get(r.elevatorId()),
                            r.inspectedOn(), null, !"PASS".equals(r.result()), r.kind() + " " + r.result())));
            case SPOT_CHECK -> jdbc.sql("""
                    SELECT id, elevator_id, checked_on, score, record_matches, items_passed, items_checked
                    FROM quality_spot_check WHERE company_id = :c AND checked_on >= :from AND checked_on < :to
                      AND elevator_id IN (:ids) ORDER BY score, checked_on""")
                    .param("c", companyId).param("from", period.start()).param("to", period.end())
                    .param("ids", ids.isEmpty() ? List.of(-1L) : ids)
                    .query((rs, i) -> lines.add(new RecordLine("spot-check", rs.getLong(1), rs.getLong(2),
                            codes.get(rs.getLong(2)), rs.getObject(3, LocalDate.class), null,
                            rs.getDouble(4) < 80 || !rs.getBoolean(5), rs.getBigDecimal(4).stripTrailingZeros().toPlainString()
                                    + " (" + rs.getInt(6) + "/" + rs.getInt(7) + ")" + (rs.getBoolean(5) ? "" : " RECORD_MISMATCH"))))
                    .list();
            case SATISFACTION -> jdbc.sql("""
                    SELECT id, elevator_id, voted_at, cleanliness, running, response FROM quality_vote
                    WHERE company_id = :c AND voted_at >= :from AND voted_at < :to AND elevator_id IN (:ids)
                    ORDER BY cleanliness + running + response, voted_at LIMIT 1000""")
                    .param("c", companyId).param("from", java.sql.Timestamp.from(period.start().atStartOfDay(
                            cn.liftcare.shared.LiftCareTime.ZONE).toInstant()))
                    .param("to", java.sql.Timestamp.from(period.end().atStartOfDay(cn.liftcare.shared.LiftCareTime.ZONE).toInstant()))
                    .param("ids", ids.isEmpty() ? List.of(-1L) : ids)
                    .query((rs, i) -> lines.add(new RecordLine("vote", rs.getLong(1), rs.getLong(2), codes.get(rs.getLong(2)),
                            LocalDate.ofInstant(rs.getTimestamp(3).toInstant(), cn.liftcare.shared.LiftCareTime.ZONE),
                            rs.getTimestamp(3).toInstant(), rs.getInt(4) + rs.getInt(5) + rs.getInt(6) < 9,
                            rs.getInt(4) + "/" + rs.getInt(5) + "/" + rs.getInt(6)))).list();
        }
        return lines;
    }

    private List<ScoreRow> named(List<ScoreRow> rows) {
        List<OrganizationId> companies = new ArrayList<>();
        List<Long> communities = new ArrayList<>();
        List<Long> elevatorIds = new ArrayList<>();
        for (ScoreRow r : rows) {
            switch (r.level()) {
                case COMPANY -> companies.add(new OrganizationId(r.subjectId()));
                case COMMUNITY -> communities.add(r.subjectId());
                case ELEVATOR -> elevatorIds.add(r.subjectId());
            }
            if (r.companyId() != null) {
                companies.add(new OrganizationId(r.companyId()));
            }
        }
        Map<OrganizationId, cn.liftcare.identity.OrganizationView> orgs = organizations.byIds(companies);
        Map<Long, String> communityNames = elevators.communityNames(communities);
        Map<Long, String> codes = new HashMap<>();
        if (!elevatorIds.isEmpty()) {
            jdbc.sql("SELECT elevator_id, registration_code FROM quality_elevator WHERE elevator_id IN (:ids)")
                    .param("ids", elevatorIds).query((rs, i) -> codes.put(rs.getLong(1), rs.getString(2))).list();
        }
        return rows.stream().map(r -> {
            String name = switch (r.level()) {
                case COMPANY -> Optional.ofNullable(orgs.get(new OrganizationId(r.subjectId())))
                        .map(cn.liftcare.identity.OrganizationView::displayName).orElse(null);
                case COMMUNITY -> communityNames.get(r.subjectId());
                case ELEVATOR -> codes.get(r.subjectId());
            };
            String companyName = r.companyId() == null ? null : Optional.ofNullable(orgs.get(new OrganizationId(r.companyId())))
                    .map(cn.liftcare.identity.OrganizationView::displayName).orElse(null);
            return new ScoreRow(r.period(), r.level(), r.subjectId(), name, r.companyId(), companyName, r.score(), r.grade(),
                    r.vetoed(), r.rank(), r.standardVersion(), r.closed());
        }).toList();
    }
}
