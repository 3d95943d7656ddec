package cn.liftcare.incidents;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liftcare.shared.LiftCareTime;

/**
 * Incident figures over a period for evaluation, set-based: one pass over the period's incidents and one over its
 * residents' reports, grouped by elevator and the accountable maintenance company (accountable even when a backup
 * unit rescued). False alarms are not faults. The record lists use the same predicates, so a drill-down shows
 * exactly what was counted.
 */
@Component
public class IncidentFigures {

    private static final String WITHIN = "i.arrived_at IS NOT NULL AND i.arrived_at <= i.reported_at + make_interval(mins => i.arrival_minutes)";

    private final JdbcClient jdbc;

    IncidentFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per elevator and company: faults, entrapments, entrapments reached, reached within the limit. */
    public record IncidentCounts(long elevatorId, long companyId, long faults, long entrapments, long arrivals,
            long arrivalsWithin) {
    }

    public List<IncidentCounts> incidents(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT i.elevator_id, i.maintenance_company_id, count(*), "
                        + "count(*) FILTER (WHERE i.type = 'ENTRAPMENT'), "
                        + "count(i.arrived_at) FILTER (WHERE i.type = 'ENTRAPMENT'), "
                        + "count(*) FILTER (WHERE i.type = 'ENTRAPMENT' AND " + WITHIN + ") "
                        + "FROM incident i WHERE i.reported_at >= :from AND i.reported_at < :to AND i.status <> 'FALSE_ALARM' "
                        + "AND i.maintenance_company_id IS NOT NULL GROUP BY i.elevator_id, i.maintenance_company_id")
                .param("from", start(from)).param("to", start(to))
                .query((rs, n) -> new IncidentCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6))).list();
    }

    /** Per elevator and company: residents' reports (complaints) from the public page. */
    public record ComplaintCounts(long elevatorId, long companyId, long complaints) {
    }

    public List<ComplaintCounts> complaints(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT r.elevator_id, i.maintenance_company_id, count(*) FROM incident_report r
                JOIN incident i ON i.id = r.incident_id
                WHERE r.channel = 'RESIDENT' AND r.reported_at >= :from AND r.reported_at < :to AND i.status <> 'FALSE_ALARM'
                  AND i.maintenance_company_id IS NOT NULL
                GROUP BY r.elevator_id, i.maintenance_company_id""")
                .param("from", start(from)).param("to", start(to))
                .query((rs, n) -> new ComplaintCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
    }

    /** One incident behind the figures: arrival minutes and whether within the limit, for entrapments. */
    public record IncidentRecord(long incidentId, long elevatorId, String type, String channel, Instant reportedAt,
            Long arrivalMinutes, int limitMinutes, boolean withinLimit, int residentReports) {
    }

    public List<IncidentRecord> incidentRecords(long companyId, Collection<Long> elevatorIds, LocalDate from,
            LocalDate to, int limit) {
        if (elevatorIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT i.id, i.elevator_id, i.type, i.channel, i.reported_at, "
                        + "(extract(epoch FROM i.arrived_at - i.reported_at) / 60)::bigint AS arrival, i.arrival_minutes, "
                        + "(" + WITHIN + ") AS within, "
                        + "(SELECT count(*) FROM incident_report r WHERE r.incident_id = i.id AND r.channel = 'RESIDENT' "
                        + "AND r.reported_at >= :from AND r.reported_at < :to) AS resident "
                        + "FROM incident i WHERE i.reported_at >= :from AND i.reported_at < :to AND i.status <> 'FALSE_ALARM' "
                        + "AND i.maintenance_company_id = :company AND i.elevator_id IN (:elevators) "
                        + "ORDER BY i.type = 'ENTRAPMENT' AND NOT (" + WITHIN + ") DESC, i.reported_at, i.id LIMIT " + limit)
                .param("from", start(from)).param("to", start(to)).param("company", companyId)
                .param("elevators", elevatorIds)
                .query((rs, n) -> {
                    long arrival = rs.getLong("arrival");
                    Long minutes = rs.wasNull() ? null : arrival;
                    return new IncidentRecord(rs.getLong("id"), rs.getLong("elevator_id"), rs.getString("type"),
                            rs.getString("channel"), rs.getTimestamp("reported_at").toInstant(), minutes,
                            rs.getInt("arrival_minutes"), rs.getBoolean("within"), rs.getInt("resident"));
                }).list();
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(LiftCareTime.ZONE).toInstant());
    }
}
