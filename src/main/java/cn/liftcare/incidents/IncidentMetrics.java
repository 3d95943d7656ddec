package cn.liftcare.incidents;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.Scope;
import cn.liftcare.registry.ElevatorQueries;
import cn.liftcare.registry.RegistryScope;

/**
 * The month's response figures per elevator, community, company or district: faults and entrapments per
 * elevator-year, rescue arrival (mean, 90th percentile, share within the limit) and mean downtime. False
 * alarms are not faults. Arrival figures are over entrapments, as the 96333 reports count them; downtime is
 * from the first report to service restored, for incidents that stopped the elevator. Breaches are those of the
 * month's incidents in scope.
 */
@Component
public class IncidentMetrics {

    public enum By {
        ELEVATOR("elevator_id", null), COMMUNITY("community_id", ElevatorQueries.Grouping.COMMUNITY),
        COMPANY("maintenance_company_id", ElevatorQueries.Grouping.COMPANY),
        DISTRICT("district_id", ElevatorQueries.Grouping.DISTRICT);

        final String column;
        final ElevatorQueries.Grouping grouping;

        By(String column, ElevatorQueries.Grouping grouping) {
            this.column = column;
            this.grouping = grouping;
        }
    }

    public record Metric(By by, long key, String name, long elevators, long faults, long entrapments,
            double faultsPerElevatorYear, double entrapmentsPerElevatorYear, long arrivals, Double meanArrivalMinutes,
            Double p90ArrivalMinutes, Double arrivalsWithinLimitShare, Double meanDowntimeMinutes, long breaches) {
    }

    private final JdbcClient jdbc;
    private final IncidentScope scopes;
    private final ElevatorQueries elevators;
    private final OrganizationDirectory organizations;

    IncidentMetrics(JdbcClient jdbc, IncidentScope scopes, ElevatorQueries elevators,
            OrganizationDirectory organizations) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.elevators = elevators;
        this.organizations = organizations;
    }

    public List<Metric> month(Scope scope, YearMonth month, By by) {
        RegistryScope.Predicate predicate = scopes.incidents(scope);
        double years = month.lengthOfMonth() / 365.0;
        Map<Long, Long> population = by.grouping == null ? Map.of() : elevators.countInUse(scope, by.grouping);
        List<Metric> metrics = new ArrayList<>();
        jdbc.sql("SELECT e." + by.column + " AS k, "
                        + "count(*) FILTER (WHERE e.status <> 'FALSE_ALARM') AS faults, "
                        + "count(*) FILTER (WHERE e.status <> 'FALSE_ALARM' AND e.type = 'ENTRAPMENT') AS entrapments, "
                        + "count(e.arrived_at) FILTER (WHERE e.type = 'ENTRAPMENT') AS arrivals, "
                        + "avg(extract(epoch FROM e.arrived_at - e.reported_at) / 60) FILTER (WHERE e.type = 'ENTRAPMENT') AS mean_arrival, "
                        + "percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM e.arrived_at - e.reported_at) / 60) "
                        + "FILTER (WHERE e.type = 'ENTRAPMENT' AND e.arrived_at IS NOT NULL) AS p90_arrival, "
                        + "count(*) FILTER (WHERE e.type = 'ENTRAPMENT' AND e.arrived_at <= e.reported_at "
                        + "+ make_interval(mins => e.arrival_minutes)) AS within_limit, "
                        + "avg(extract(epoch FROM e.restored_at - e.reported_at) / 60) "
                        + "FILTER (WHERE e.type IN ('ENTRAPMENT', 'OUT_OF_SERVICE')) AS mean_downtime, "
                        + "coalesce(sum(b.breaches), 0) AS breaches "
                        + "FROM incident e LEFT JOIN LATERAL (SELECT count(*) AS breaches FROM incident_breach b "
                        + "WHERE b.incident_id = e.id) b ON TRUE "
                        + "WHERE e.reported_at >= :from AND e.reported_at < :to AND e." + by.column
                        + " IS NOT NULL AND " + predicate.sql() + " GROUP BY e." + by.column)
                .params(predicate.params()).param("from", IncidentQueries.start(month))
                .param("to", IncidentQueries.start(month.plusMonths(1)))
                .query((rs, n) -> {
                    long key = rs.getLong("k");
                    long count = by == By.ELEVATOR ? 1 : population.getOrDefault(key, 0L);
                    long faults = rs.getLong("faults");
                    long entrapments = rs.getLong("entrapments");
                    long arrivals = rs.getLong("arrivals");
                    double exposure = count * years;
                    return metrics.add(new Metric(by, key, null, count, faults, entrapments,
                            exposure == 0 ? 0 : round(faults / exposure), exposure == 0 ? 0 : round(entrapments / exposure),
                            arrivals, nullable(rs, "mean_arrival"), nullable(rs, "p90_arrival"),
                            arrivals == 0 ? null : round((double) rs.getLong("within_limit") / arrivals),
                            nullable(rs, "mean_downtime"), rs.getLong("breaches")));
                })
                .list();
        metrics.sort(Comparator.comparing(Metric::faultsPerElevatorYear).reversed().thenComparing(Metric::key));
        return named(metrics, by);
    }

    private List<Metric> named(List<Metric> metrics, By by) {
        Set<Long> keys = new HashSet<>();
        metrics.forEach(m -> keys.add(m.key()));
        Map<Long, String> names = switch (by) {
            case COMMUNITY -> elevators.communityNames(keys);
            case COMPANY -> {
                Map<Long, String> n = new java.util.HashMap<>();
                organizations.byIds(keys.stream().map(OrganizationId::new).toList())
                        .forEach((id, view) -> n.put(id.value(), view.displayName()));
                yield n;
            }
            default -> Map.of();
        };
        return metrics.stream().map(m -> new Metric(m.by(), m.key(), names.get(m.key()), m.elevators(), m.faults(),
                m.entrapments(), m.faultsPerElevatorYear(), m.entrapmentsPerElevatorYear(), m.arrivals(),
                m.meanArrivalMinutes(), m.p90ArrivalMinutes(), m.arrivalsWithinLimitShare(), m.meanDowntimeMinutes(),
                m.breaches())).toList();
    }

    private static Double nullable(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : round(value);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
