package cn.liftcare.quality;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.incidents.IncidentFigures;
import cn.liftcare.maintenance.VisitFigures;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.RuleViolationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores a period per elevator, community and maintenance company. The facts are gathered set-based (one pass per
 * source over the period, grouped by elevator and company) into {@code quality_fact}; each level's facts are sums
 * of those rows in SQL, scored under the standard in force on the period's first day. Recomputing an open period
 * replaces its facts and scores with the same result for the same records (idempotent); a closed period is frozen.
 * Periods are taken one at a time (an advisory lock).
 */
@Service
public class QualityScoring {

    static final Role[] SCORERS = {Role.ADMIN, Role.REGULATOR};
    private static final Logger log = LoggerFactory.getLogger(QualityScoring.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final StandardBook standards;
    private final VisitFigures visits;
    private final IncidentFigures incidents;
    private final LiftCareTime time;
    private final ApplicationEventPublisher events;
    private final JsonMapper json = JsonMapper.builder().build();

    QualityScoring(JdbcClient jdbc, JdbcTemplate template, StandardBook standards, VisitFigures visits, IncidentFigures incidents,
            LiftCareTime time, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.template = template;
        this.standards = standards;
        this.visits = visits;
        this.incidents = incidents;
        this.time = time;
        this.events = events;
    }

    public record Computed(String period, String standardVersion, int elevators, int communities, int companies) {
    }

    /** Recomputes an open period (the regulator, or the platform's job). */
    @Transactional
    public Computed compute(Scope scope, String periodCode) {
        if (!scope.hasAny(SCORERS)) {
            throw new AccessDeniedException("role");
        }
        Period period = Period.parse(periodCode);
        if (period.start().isAfter(time.today())) {
            throw new RuleViolationException("quality-period-future", "quality.period.future", period.code());
        }
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:key))").param("key", "quality:" + period.code()).query().listOfRows();
        // A city's visits are sorted and grouped in memory (one period is scored at a time), and without JIT: compiling
        // these plans took PostgreSQL longer (2 to 7 s a query on 2 busy cores) than it saved (bench/quality.sh).
        jdbc.sql("SELECT set_config('work_mem', '64MB', true), set_config('jit', 'off', true)").query().listOfRows();
        if (status(period.code()).filter("CLOSED"::equals).isPresent()) {
            throw new RuleViolationException("quality-period-closed", "quality.period.closed", period.code());
        }
        Standard standard = standards.inForceOn(period.start());
        jdbc.sql("""
                INSERT INTO quality_period (period, starts_on, ends_on, standard_version, status, computed_at)
                VALUES (:p, :from, :to, :v, 'OPEN', :at)
                ON CONFLICT (period) DO UPDATE SET standard_version = excluded.standard_version, computed_at = excluded.computed_at""")
                .param("p", period.code()).param("from", Date.valueOf(period.start())).param("to", Date.valueOf(period.end()))
                .param("v", standard.version()).param("at", Timestamp.from(time.now())).update();
        jdbc.sql("DELETE FROM quality_score WHERE period = :p").param("p", period.code()).update();
        jdbc.sql("DELETE FROM quality_fact WHERE period = :p").param("p", period.code()).update();
        long started = System.nanoTime();
        writeFacts(period, standard);
        long facts = System.nanoTime();
        int elevators = score(period, standard, "ELEVATOR", "elevator_id", Map.of());
        int communities = score(period, standard, "COMMUNITY", "community_id", Map.of());
        int companies = score(period, standard, "COMPANY", "company_id", companyVetoes(period, standard));
        events.publishEvent(new QualityScoresComputed(period.code(), standard.version(), companies));
        log.info("Scored {}: {} elevators, {} communities, {} companies; facts {} ms, scores {} ms", period.code(),
                elevators, communities, companies, (facts - started) / 1_000_000, (System.nanoTime() - facts) / 1_000_000);
        return new Computed(period.code(), standard.version(), elevators, communities, companies);
    }

    Optional<String> status(String period) {
        return jdbc.sql("SELECT status FROM quality_period WHERE period = :p").param("p", period).query(String.class)
                .optional();
    }

    private record Key(long elevator, long company) {
    }

    private void writeFacts(Period period, Standard standard) {
        LocalDate from = period.start();
        LocalDate to = period.end();
        Map<Key, long[]> counts = new LinkedHashMap<>();
        Map<Key, double[]> sums = new HashMap<>();
        // exposure: the elevator-days each company held each elevator within the period
        jdbc.sql("""
                SELECT a.elevator_id, a.company_id,
                       sum(least(coalesce(a.to_day, :to), :to) - greatest(a.from_day, :from)) AS days
                FROM quality_assignment a
                WHERE a.from_day < :to AND coalesce(a.to_day, :to) > :from
                GROUP BY a.elevator_id, a.company_id""")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, i) -> add(counts, new Key(rs.getLong(1), rs.getLong(2)), F.EXPOSURE, rs.getLong(3))).list();
        boolean uncertifiedVetoes = standard.vetoes().contains("UNCERTIFIED_STAFF");
        for (VisitFigures.VisitCounts v : visits.visits(from, to)) {
            Key k = new Key(v.elevatorId(), v.companyId());
            add(counts, k, F.VISITS, v.visits());
            add(counts, k, F.ON_TIME, v.onTime());
            add(counts, k, F.FLAGGED, v.flagged());
            add(counts, k, F.VETOES, uncertifiedVetoes ? v.uncertified() : 0);
        }
        LocalDate cutoff = to.isAfter(time.today()) ? time.today().plusDays(1) : to;
        for (VisitFigures.Missed m : visits.missedAtEnd(from, cutoff)) {
            add(counts, new Key(m.elevatorId(), m.companyId()), F.MISSED, 1);
        }
        Map<Long, Long> latestCompany = latestCompany(from, to);
        for (VisitFigures.InspectionCounts c : visits.inspections(from, to)) {
            Long company = latestCompany.get(c.elevatorId());
            if (company != null) {
                Key k = new Key(c.elevatorId(), company);
                add(counts, k, F.INSPECTIONS, c.inspections());
                add(counts, k, F.FIRST_PASS, c.firstPass());
            }
        }
        for (IncidentFigures.IncidentCounts c : incidents.incidents(from, to)) {
            Key k = new Key(c.elevatorId(), c.companyId());
            add(counts, k, F.FAULTS, c.faults());
            add(counts, k, F.ENTRAPMENTS, c.entrapments());
            add(counts, k, F.ARRIVALS, c.arrivals());
            add(counts, k, F.WITHIN, c.arrivalsWithin());
        }
        for (IncidentFigures.ComplaintCounts c : incidents.complaints(from, to)) {
            add(counts, new Key(c.elevatorId(), c.companyId()), F.COMPLAINTS, c.complaints());
        }
        boolean forgedVetoes = standard.vetoes().contains("FORGED_RECORDS");
        jdbc.sql("""
                SELECT elevator_id, company_id, count(*), sum(score), count(*) FILTER (WHERE NOT record_matches)
                FROM quality_spot_check WHERE checked_on >= :from AND checked_on < :to GROUP BY elevator_id, company_id""")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, i) -> {
                    Key k = new Key(rs.getLong(1), rs.getLong(2));
                    add(counts, k, F.SPOT_CHECKS, rs.getLong(3));
                    sums.computeIfAbsent(k, x -> new double[2])[1] += rs.getDouble(4);
                    return add(counts, k, F.VETOES, forgedVetoes ? rs.getLong(5) : 0);
                }).list();
        jdbc.sql("""
                SELECT elevator_id, company_id, count(*), sum((cleanliness + running + response) / 3.0)
                FROM quality_vote WHERE voted_at >= :fromAt AND voted_at < :toAt AND company_id IS NOT NULL
                GROUP BY elevator_id, company_id""")
                .param("fromAt", at(from)).param("toAt", at(to))
                .query((rs, i) -> {
                    Key k = new Key(rs.getLong(1), rs.getLong(2));
                    sums.computeIfAbsent(k, x -> new double[2])[0] += rs.getDouble(4);
                    return add(counts, k, F.VOTES, rs.getLong(3));
                }).list();
        jdbc.sql("""
                SELECT elevator_id, company_id, count(*) FROM quality_veto
                WHERE elevator_id IS NOT NULL AND occurred_on >= :from AND occurred_on < :to AND kind IN (:kinds)
                GROUP BY elevator_id, company_id""")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).param("kinds", kinds(standard))
                .query((rs, i) -> add(counts, new Key(rs.getLong(1), rs.getLong(2)), F.VETOES, rs.getLong(3))).list();
        insert(period, counts, sums);
    }

    private void insert(Period period, Map<Key, long[]> counts, Map<Key, double[]> sums) {
        Map<Long, long[]> places = new HashMap<>();
        jdbc.sql("SELECT elevator_id, community_id, district_id, use_unit_id FROM quality_elevator")
                .query((rs, i) -> places.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)}))
                .list();
        List<Object[]> rows = new ArrayList<>();
        counts.forEach((k, c) -> {
            long[] place = places.get(k.elevator());
            if (place == null) {
                return;
            }
            double[] s = sums.getOrDefault(k, new double[2]);
            rows.add(new Object[] {period.code(), k.elevator(), k.company(), place[0], place[1], place[2],
                    c[F.EXPOSURE.ordinal()], c[F.VISITS.ordinal()], c[F.ON_TIME.ordinal()], c[F.MISSED.ordinal()],
                    c[F.FLAGGED.ordinal()], c[F.FAULTS.ordinal()], c[F.ENTRAPMENTS.ordinal()], c[F.ARRIVALS.ordinal()],
                    c[F.WITHIN.ordinal()], c[F.INSPECTIONS.ordinal()], c[F.FIRST_PASS.ordinal()],
                    c[F.COMPLAINTS.ordinal()], c[F.VOTES.ordinal()], s[0], c[F.SPOT_CHECKS.ordinal()], s[1],
                    c[F.VETOES.ordinal()]});
        });
        String sql = "INSERT INTO quality_fact (period, elevator_id, company_id, community_id, district_id, use_unit_id, "
                + "exposure_days, visits, visits_on_time, visits_missed, visits_flagged, faults, entrapments, arrivals, "
                + "arrivals_within, inspections, inspections_first_pass, complaints, votes, vote_stars, spot_checks, "
                + "spot_check_points, vetoes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        for (int i = 0; i < rows.size(); i += 1_000) {
            template.batchUpdate(sql, rows.subList(i, Math.min(rows.size(), i + 1_000)));
        }
    }

    /** The sums of one level's facts, per subject: the SQL every level shares. */
    static final String SUMS = "sum(exposure_days), sum(visits), sum(visits_on_time), sum(visits_missed), "
            + "sum(visits_flagged), sum(faults), sum(entrapments), sum(arrivals), sum(arrivals_within), sum(inspections), "
            + "sum(inspections_first_pass), sum(complaints), sum(votes), sum(vote_stars), sum(spot_checks), "
            + "sum(spot_check_points), sum(vetoes)";

    static Facts facts(java.sql.ResultSet rs, int first) throws java.sql.SQLException {
        return new Facts(rs.getLong(first), rs.getLong(first + 1), rs.getLong(first + 2), rs.getLong(first + 3),
                rs.getLong(first + 4), rs.getLong(first + 5), rs.getLong(first + 6), rs.getLong(first + 7),
                rs.getLong(first + 8), rs.getLong(first + 9), rs.getLong(first + 10), rs.getLong(first + 11),
                rs.getLong(first + 12), rs.getDouble(first + 13), rs.getLong(first + 14), rs.getDouble(first + 15),
                rs.getLong(first + 16));
    }

    private record Scored(long subject, Long company, Scoring.Result result) {
    }

    private int score(Period period, Standard standard, String level, String column, Map<Long, Long> extraVetoes) {
        List<Scored> scored = new ArrayList<>();
        String company = level.equals("ELEVATOR")
                ? "(array_agg(company_id ORDER BY exposure_days DESC, company_id))[1]" : "NULL::bigint";
        jdbc.sql("SELECT " + column + ", " + company + ", " + SUMS + " FROM quality_fact WHERE period = :p GROUP BY " + column)
                .param("p", period.code())
                .query((rs, i) -> {
                    Facts f = facts(rs, 3);
                    long subject = rs.getLong(1);
                    long extra = extraVetoes.getOrDefault(subject, 0L);
                    if (extra > 0) {
                        f = f.plus(new Facts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, extra));
                    }
                    long c = rs.getLong(2);
                    return scored.add(new Scored(subject, rs.wasNull() ? null : c, Scoring.score(standard, f)));
                }).list();
        scored.sort(Comparator.comparing((Scored s) -> s.result().vetoed())
                .thenComparing(s -> -s.result().score()).thenComparing(Scored::subject));
        List<Object[]> rows = new ArrayList<>();
        int rank = 0;
        for (Scored s : scored) {
            rank++;
            rows.add(new Object[] {period.code(), level, s.subject(), s.company(), standard.version(),
                    java.math.BigDecimal.valueOf(s.result().score()), s.result().grade(), s.result().vetoed(), rank,
                    json.writeValueAsString(s.result().items())});
        }
        for (int i = 0; i < rows.size(); i += 1_000) {
            template.batchUpdate("""
                    INSERT INTO quality_score (period, level, subject_id, company_id, standard_version, score, grade, vetoed,
                        rank, breakdown) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows.subList(i, Math.min(rows.size(), i + 1_000)));
        }
        return rows.size();
    }

    /** Veto items recorded against a company without naming an elevator. */
    private Map<Long, Long> companyVetoes(Period period, Standard standard) {
        Map<Long, Long> vetoes = new HashMap<>();
        jdbc.sql("""
                SELECT company_id, count(*) FROM quality_veto WHERE elevator_id IS NULL AND occurred_on >= :from
                  AND occurred_on < :to AND kind IN (:kinds) GROUP BY company_id""")
                .param("from", Date.valueOf(period.start())).param("to", Date.valueOf(period.end()))
                .param("kinds", kinds(standard))
                .query((rs, i) -> vetoes.put(rs.getLong(1), rs.getLong(2))).list();
        return vetoes;
    }

    /** The company that held each elevator last within the period: inspections are counted against it. */
    private Map<Long, Long> latestCompany(LocalDate from, LocalDate to) {
        Map<Long, Long> latest = new HashMap<>();
        jdbc.sql("""
                SELECT DISTINCT ON (elevator_id) elevator_id, company_id FROM quality_assignment
                WHERE from_day < :to AND coalesce(to_day, :to) > :from ORDER BY elevator_id, from_day DESC""")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, i) -> latest.put(rs.getLong(1), rs.getLong(2))).list();
        return latest;
    }

    private static List<String> kinds(Standard standard) {
        return standard.vetoes().isEmpty() ? List.of("-") : standard.vetoes();
    }

    private static Timestamp at(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(LiftCareTime.ZONE).toInstant());
    }

    private enum F {
        EXPOSURE, VISITS, ON_TIME, MISSED, FLAGGED, FAULTS, ENTRAPMENTS, ARRIVALS, WITHIN, INSPECTIONS, FIRST_PASS,
        COMPLAINTS, VOTES, SPOT_CHECKS, VETOES
    }

    private static boolean add(Map<Key, long[]> counts, Key key, F field, long value) {
        counts.computeIfAbsent(key, k -> new long[F.values().length])[field.ordinal()] += value;
        return true;
    }
}
