package cn.liftcare.maintenance;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liftcare.shared.LiftCareTime;

/**
 * Maintenance figures over a period for evaluation, set-based: one pass over the period's visits (and one over
 * its inspections) grouped by elevator and the company that did the work, so a city's worth is a few queries,
 * not a loop per elevator. The record lists behind each figure use the same predicates, so a drill-down shows
 * exactly the visits that were counted. Days are civil days in Asia/Shanghai, periods half-open [from, to).
 */
@Component
public class VisitFigures {

    /**
     * The period's completed visits (half-open [:fromAt, :to)); corrections replace the record they name, not add a
     * visit. The previous visit of an elevator is the one before in the period, or for its first visit in the period
     * its last one in the 120 days before (looked up by index once an elevator, only when needed). A maintainer has at
     * most one certificate (its key), so "certified on the day" is a join, not a probe per visit.
     */
    private static final String VISITS = """
            SELECT mv.id, mv.elevator_id, mv.company_id, mv.maintainer_id, mv.visit_class, mv.day, e.max_interval_days,
                   coalesce(lag(mv.day) OVER (PARTITION BY mv.elevator_id ORDER BY mv.finished_at),
                            (SELECT (max(p.finished_at) AT TIME ZONE 'Asia/Shanghai')::date FROM maintenance_visit p
                             WHERE p.elevator_id = mv.elevator_id AND p.status IN ('SUBMITTED', 'CONFIRMED')
                               AND p.correction_of IS NULL AND p.finished_at >= :lookback AND p.finished_at < :fromAt))
                       AS previous,
                   fl.flags, (c.expires_on IS NULL OR c.expires_on < mv.day) AS uncertified
            FROM (SELECT id, elevator_id, company_id, maintainer_id, visit_class, finished_at,
                         (finished_at AT TIME ZONE 'Asia/Shanghai')::date AS day
                  FROM maintenance_visit WHERE status IN ('SUBMITTED', 'CONFIRMED') AND correction_of IS NULL
                    AND finished_at >= :fromAt AND finished_at < :to) mv
            JOIN maintenance_plan e ON e.elevator_id = mv.elevator_id
            LEFT JOIN (SELECT visit_id, string_agg(flag, ',' ORDER BY flag) AS flags FROM visit_flag GROUP BY visit_id) fl
                   ON fl.visit_id = mv.id
            LEFT JOIN maintainer_certificate c ON c.user_id = mv.maintainer_id
            """;

    private final JdbcClient jdbc;

    VisitFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per elevator and company: visits, those within the plan's interval, those flagged, those by uncertified staff. */
    public record VisitCounts(long elevatorId, long companyId, long visits, long onTime, long flagged, long uncertified) {
    }

    public List<VisitCounts> visits(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT elevator_id, company_id, count(*), "
                        + "count(*) FILTER (WHERE previous IS NULL OR day - previous <= max_interval_days), "
                        + "count(*) FILTER (WHERE flags IS NOT NULL), count(*) FILTER (WHERE uncertified) "
                        + "FROM (" + VISITS + ") v WHERE day >= :from AND day < :toDay GROUP BY elevator_id, company_id")
                .params(range(from, to))
                .query((rs, i) -> new VisitCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6))).list();
    }

    /** Elevators in service left overdue at the period's end (超期未保), with the company then responsible. */
    public record Missed(long elevatorId, long companyId, LocalDate lastVisit) {
    }

    public List<Missed> missedAtEnd(LocalDate from, LocalDate to) {
        // the last visit from one pass over the last month's visits; an elevator without one there has its looked up by index
        return jdbc.sql("""
                SELECT m.elevator_id, m.maintenance_company_id, m.last FROM (
                    SELECT e.elevator_id, e.maintenance_company_id, e.starts_on, e.max_interval_days,
                           coalesce(lv.last, (SELECT (max(v.finished_at) AT TIME ZONE 'Asia/Shanghai')::date
                                              FROM maintenance_visit v WHERE v.elevator_id = e.elevator_id
                                                AND v.status IN ('SUBMITTED', 'CONFIRMED') AND v.finished_at < :to)) AS last
                    FROM maintenance_plan e
                    LEFT JOIN (SELECT elevator_id, (max(finished_at) AT TIME ZONE 'Asia/Shanghai')::date AS last
                               FROM maintenance_visit WHERE status IN ('SUBMITTED', 'CONFIRMED')
                                 AND finished_at >= :recent AND finished_at < :to
                               GROUP BY elevator_id) lv ON lv.elevator_id = e.elevator_id
                    WHERE e.elevator_status = 'IN_SERVICE' AND e.maintenance_company_id IS NOT NULL AND e.starts_on < :toDay) m
                WHERE coalesce(m.last, m.starts_on) + m.max_interval_days < :lastDay""")
                .params(range(from, to)).param("lastDay", Date.valueOf(to.minusDays(1)))
                .param("recent", Timestamp.from(to.minusDays(32).atStartOfDay(LiftCareTime.ZONE).toInstant()))
                .query((rs, i) -> new Missed(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class))).list();
    }

    /** Per elevator: inspections and self-tests in the period, and those passed first time. */
    public record InspectionCounts(long elevatorId, long inspections, long firstPass) {
    }

    public List<InspectionCounts> inspections(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT elevator_id, count(*), count(*) FILTER (WHERE result = 'PASS') FROM inspection
                WHERE inspected_on >= :from AND inspected_on < :toDay GROUP BY elevator_id""")
                .params(range(from, to))
                .query((rs, i) -> new InspectionCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
    }

    /** One visit behind the figures: its day, whether on time, its flags, whether its maintainer was certified. */
    public record VisitRecord(long visitId, long elevatorId, long companyId, LocalDate day, LocalDate previous,
            int maxIntervalDays, boolean onTime, List<String> flags, boolean uncertified) {
    }

    /** The visits of some elevators by a company in the period, those counted against it first. */
    public List<VisitRecord> visitRecords(long companyId, Collection<Long> elevatorIds, LocalDate from, LocalDate to,
            int limit) {
        if (elevatorIds.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new java.util.HashMap<>(range(from, to));
        params.put("company", companyId);
        params.put("elevators", elevatorIds);
        return jdbc.sql("SELECT * FROM (" + VISITS + ") v WHERE day >= :from AND day < :toDay AND company_id = :company "
                        + "AND elevator_id IN (:elevators) ORDER BY (previous IS NOT NULL AND day - previous > max_interval_days) "
                        + "OR flags IS NOT NULL OR uncertified DESC, day, id LIMIT " + limit)
                .params(params)
                .query((rs, i) -> {
                    LocalDate previous = rs.getObject("previous", LocalDate.class);
                    LocalDate day = rs.getObject("day", LocalDate.class);
                    int interval = rs.getInt("max_interval_days");
                    String flags = rs.getString("flags");
                    return new VisitRecord(rs.getLong("id"), rs.getLong("elevator_id"), rs.getLong("company_id"), day,
                            previous, interval, previous == null || day.toEpochDay() - previous.toEpochDay() <= interval,
                            flags == null ? List.of() : List.of(flags.split(",")), rs.getBoolean("uncertified"));
                }).list();
    }

    /** One inspection behind the first-pass rate. */
    public record InspectionRecord(long inspectionId, long elevatorId, String kind, LocalDate inspectedOn, String result) {
    }

    public List<InspectionRecord> inspectionRecords(Collection<Long> elevatorIds, LocalDate from, LocalDate to) {
        if (elevatorIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, elevator_id, kind, inspected_on, result FROM inspection
                WHERE inspected_on >= :from AND inspected_on < :toDay AND elevator_id IN (:elevators)
                ORDER BY result = 'PASS', inspected_on, id""")
                .params(range(from, to)).param("elevators", elevatorIds)
                .query((rs, i) -> new InspectionRecord(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5))).list();
    }

    private static Map<String, Object> range(LocalDate from, LocalDate to) {
        return Map.of("from", Date.valueOf(from), "toDay", Date.valueOf(to),
                "fromAt", Timestamp.from(from.atStartOfDay(LiftCareTime.ZONE).toInstant()),
                "to", Timestamp.from(to.atStartOfDay(LiftCareTime.ZONE).toInstant()),
                "lookback", Timestamp.from(from.minusDays(120).atStartOfDay(LiftCareTime.ZONE).toInstant()));
    }
}
