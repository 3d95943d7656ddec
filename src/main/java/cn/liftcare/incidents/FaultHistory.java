package cn.liftcare.incidents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liftcare.registry.ElevatorId;
import cn.liftcare.shared.LiftCareTime;

/**
 * An elevator's fault record for pricing and quality: faults (false alarms excepted) per elevator-year over
 * the three years before a date, or over its years in service if fewer. Null when it has been in service
 * under three months, too short to say.
 */
@Component
public class FaultHistory {

    static final int YEARS = 3;

    private final JdbcClient jdbc;

    FaultHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<ElevatorId, BigDecimal> faultsPerYear(Map<ElevatorId, LocalDate> commissioned, LocalDate asOf) {
        Map<ElevatorId, BigDecimal> rates = new HashMap<>();
        if (commissioned.isEmpty()) {
            return rates;
        }
        LocalDate from = asOf.minusYears(YEARS);
        Map<Long, Long> counts = new HashMap<>();
        jdbc.sql("""
                SELECT elevator_id, count(*) FROM incident WHERE elevator_id IN (:ids) AND status <> 'FALSE_ALARM'
                  AND reported_at >= :from AND reported_at < :to GROUP BY elevator_id""")
                .param("ids", commissioned.keySet().stream().map(ElevatorId::value).toList())
                .param("from", Timestamp.from(from.atStartOfDay(LiftCareTime.ZONE).toInstant()))
                .param("to", Timestamp.from(asOf.plusDays(1).atStartOfDay(LiftCareTime.ZONE).toInstant()))
                .query((rs, i) -> counts.put(rs.getLong(1), rs.getLong(2))).list();
        commissioned.forEach((elevator, since) -> {
            LocalDate start = since == null || since.isBefore(from) ? from : since;
            long days = ChronoUnit.DAYS.between(start, asOf);
            if (days >= 90) {
                rates.put(elevator, BigDecimal.valueOf(counts.getOrDefault(elevator.value(), 0L))
                        .multiply(BigDecimal.valueOf(365)).divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_UP));
            }
        });
        return rates;
    }
}
