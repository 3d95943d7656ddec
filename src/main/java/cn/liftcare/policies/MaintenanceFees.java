package cn.liftcare.policies;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liftcare.shared.Money;

/**
 * The maintenance fee the insurers owe each maintenance company for a period before any quality factor: for every
 * elevator on an issued schedule, the maintenance component of its rating (a year's fee), pro rata for the days it
 * was covered within the period (over 365), summed per insurer and the company on the schedule. One pass in SQL over
 * the schedule's calculations (JSON, as {@link Quoting.ElevatorQuote}).
 */
@Component
public class MaintenanceFees {

    private final JdbcClient jdbc;

    MaintenanceFees(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record BaseFee(long insurerId, long companyId, int elevators, Money fee) {
    }

    public List<BaseFee> baseFees(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT p.insurer_id, pe.maintenance_company_id, count(DISTINCT pe.elevator_id),
                       round(sum(m.annual * (least(pe.cover_to, :to) - greatest(pe.cover_from, :from)) / 365.0), 2)
                FROM policy_elevator pe JOIN policy p ON p.id = pe.policy_id
                CROSS JOIN LATERAL (SELECT coalesce(sum((c ->> 'amount')::numeric), 0) AS annual
                                    FROM jsonb_array_elements(coalesce(pe.calculation::jsonb -> 'quote' -> 'components',
                                                                       pe.calculation::jsonb -> 'components')) c
                                    WHERE c ->> 'key' = 'quote.maintenance') m
                WHERE p.number IS NOT NULL AND pe.cover_from < :to AND pe.cover_to > :from
                GROUP BY p.insurer_id, pe.maintenance_company_id
                ORDER BY p.insurer_id, pe.maintenance_company_id""")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, i) -> new BaseFee(rs.getLong(1), rs.getLong(2), rs.getInt(3), Money.of(rs.getBigDecimal(4))))
                .list();
    }
}
