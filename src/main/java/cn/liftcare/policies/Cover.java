package cn.liftcare.policies;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liftcare.shared.Money;
import org.springframework.stereotype.Service;

import cn.liftcare.registry.ElevatorId;

/**
 * What other modules ask of the policies: is an elevator insured on a day, under which policy and product
 * version, and for how many continuous years. Only issued policies count, up to the day their cover ended.
 */
@Service
public class Cover {

    private final JdbcClient jdbc;

    Cover(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record ElevatorCover(long elevatorId, long policyId, String policyNumber, long insurerId,
            String productVersion, LocalDate coverFrom, LocalDate coverTo, LocalDate continuousSince,
            int continuousYears) {
    }

    /** The issued policy covering the elevator on the day, with its continuous insured years: one round trip. */
    public Optional<ElevatorCover> on(ElevatorId elevator, LocalDate day) {
        record Row(long policyId, String number, long insurerId, String version, LocalDate from, LocalDate to) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT p.id, p.number, p.insurer_id, p.product_version, pe.cover_from, pe.cover_to
                FROM policy_elevator pe JOIN policy p ON p.id = pe.policy_id
                WHERE p.issued_on IS NOT NULL AND pe.elevator_id = :elevator""")
                .param("elevator", elevator.value())
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class)))
                .list();
        List<ContinuousCover.Span> spans = rows.stream().map(r -> new ContinuousCover.Span(r.from(), r.to())).toList();
        return rows.stream().filter(r -> !r.from().isAfter(day) && r.to().isAfter(day))
                .max(java.util.Comparator.comparing(Row::from))
                .map(r -> new ElevatorCover(elevator.value(), r.policyId(), r.number(), r.insurerId(), r.version(),
                        r.from(), r.to(), ContinuousCover.runStart(spans, day), ContinuousCover.years(spans, day)));
    }

    /** Continuous insured years on a day, per elevator; zero for those not insured that day. */
    public Map<ElevatorId, Integer> continuousYears(Collection<ElevatorId> elevators, LocalDate day) {
        Map<Long, List<ContinuousCover.Span>> spans = spans(elevators);
        Map<ElevatorId, Integer> years = new HashMap<>();
        elevators.forEach(e -> years.put(e, ContinuousCover.years(spans.getOrDefault(e.value(), List.of()), day)));
        return years;
    }

    /** Those of the elevators insured on a day. */
    public java.util.Set<ElevatorId> insuredOn(Collection<ElevatorId> elevators, LocalDate day) {
        Map<Long, List<ContinuousCover.Span>> spans = spans(elevators);
        java.util.Set<ElevatorId> insured = new java.util.HashSet<>();
        elevators.forEach(e -> {
            if (ContinuousCover.runStart(spans.getOrDefault(e.value(), List.of()), day) != null) {
                insured.add(e);
            }
        });
        return insured;
    }

    Map<Long, List<ContinuousCover.Span>> spans(Collection<ElevatorId> elevators) {
        Map<Long, List<ContinuousCover.Span>> spans = new HashMap<>();
        if (elevators.isEmpty()) {
            return spans;
        }
        jdbc.sql("""
                SELECT pe.elevator_id, pe.cover_from, pe.cover_to FROM policy_elevator pe JOIN policy p ON p.id = pe.policy_id
                WHERE p.issued_on IS NOT NULL AND pe.elevator_id IN (:ids)""")
                .param("ids", elevators.stream().map(ElevatorId::value).toList())
                .query((rs, i) -> spans.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(
                        new ContinuousCover.Span(rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class))))
                .list();
        return spans;
    }

    /** A policy's written premium, net of credit notes, with what claims group loss ratios by. */
    public record WrittenPremium(long policyId, long communityId, long insurerId, String productVersion, Money premium) {
    }

    public Map<Long, WrittenPremium> writtenPremium(Collection<Long> policyIds) {
        Map<Long, WrittenPremium> found = new HashMap<>();
        if (policyIds.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                SELECT p.id, p.community_id, p.insurer_id, p.product_version, coalesce(sum(i.amount), 0)
                FROM policy p LEFT JOIN premium_invoice i ON i.policy_id = p.id
                WHERE p.id IN (:ids) GROUP BY p.id""").param("ids", policyIds)
                .query((rs, i) -> found.put(rs.getLong(1), new WrittenPremium(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getString(4), Money.of(rs.getBigDecimal(5))))).list();
        return found;
    }

    public record ElevatorPremium(long policyId, long elevatorId, Money premium) {
    }

    /**
     * Each policy's written premium shared among its elevators in proportion to their annual premium (the policy's
     * last line takes the odd fen), so that losses can be set against premium by a fact of the elevator.
     */
    public List<ElevatorPremium> writtenPremiumByElevator(Collection<Long> policyIds) {
        List<ElevatorPremium> shares = new ArrayList<>();
        if (policyIds.isEmpty()) {
            return shares;
        }
        record Line(long policyId, long elevatorId, BigDecimal annual, BigDecimal written, BigDecimal total, boolean last) {
        }
        List<Line> lines = jdbc.sql("""
                WITH w AS (SELECT p.id, coalesce(sum(i.amount), 0) AS written
                           FROM policy p LEFT JOIN premium_invoice i ON i.policy_id = p.id
                           WHERE p.id IN (:ids) GROUP BY p.id)
                SELECT pe.policy_id, pe.elevator_id, pe.annual_premium, w.written,
                       sum(pe.annual_premium) OVER (PARTITION BY pe.policy_id),
                       row_number() OVER (PARTITION BY pe.policy_id ORDER BY pe.line DESC) = 1
                FROM policy_elevator pe JOIN w ON w.id = pe.policy_id
                ORDER BY pe.policy_id, pe.line""").param("ids", policyIds)
                .query((rs, i) -> new Line(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getBoolean(6))).list();
        BigDecimal given = BigDecimal.ZERO;
        for (Line line : lines) {
            BigDecimal share = line.last() ? line.written().subtract(given)
                    : line.written().multiply(line.annual()).divide(line.total(), 2, RoundingMode.HALF_UP);
            given = line.last() ? BigDecimal.ZERO : given.add(share);
            shares.add(new ElevatorPremium(line.policyId(), line.elevatorId(), Money.of(share)));
        }
        return shares;
    }
}
