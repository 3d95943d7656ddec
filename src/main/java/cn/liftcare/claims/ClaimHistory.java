package cn.liftcare.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liftcare.registry.ElevatorId;
import cn.liftcare.shared.Money;

/**
 * An elevator's earlier claims that were not declined, read in one round trip under the elevator's lock: what
 * each policy has paid (or holds for a second approver) per section, and the earlier lines of the parts now
 * claimed, for the frequency and duplicate rules.
 */
record ClaimHistory(Map<Long, Earlier> claims, List<PartLine> lines) {

    record Earlier(long policyId, String section, String status, Money approved) {
    }

    record PartLine(String number, LocalDate lossDate, long partId, boolean replaced) {
    }

    static ClaimHistory of(JdbcClient jdbc, ElevatorId elevator, List<Long> parts) {
        Map<Long, Earlier> claims = new HashMap<>();
        List<PartLine> lines = new ArrayList<>();
        jdbc.sql("""
                SELECT c.id, c.number, c.loss_date, c.policy_id, c.section, c.status, c.approved, l.part_id, l.action
                FROM claim c LEFT JOIN claim_line l ON l.claim_id = c.id AND l.part_id = ANY (:parts)
                WHERE c.elevator_id = :e AND c.status <> 'DECLINED'""")
                .param("e", elevator.value()).param("parts", parts.toArray(Long[]::new))
                .query(rs -> {
                    BigDecimal approved = rs.getBigDecimal(7);
                    claims.putIfAbsent(rs.getLong(1), new Earlier(rs.getLong(4), rs.getString(5), rs.getString(6),
                            approved == null ? Money.ZERO : Money.of(approved)));
                    long part = rs.getLong(8);
                    if (!rs.wasNull()) {
                        lines.add(new PartLine(rs.getString(2), rs.getObject(3, LocalDate.class), part,
                                "REPLACE".equals(rs.getString(9))));
                    }
                });
        return new ClaimHistory(claims, lines);
    }

    /** Paid or awaiting a second approver against the policy, in a section or (null) in all. */
    Money used(long policyId, String section) {
        return claims.values().stream()
                .filter(c -> c.policyId() == policyId && (c.status().equals("PAID") || c.status().equals("PENDING_SECOND")))
                .filter(c -> section == null || section.equals(c.section()))
                .map(Earlier::approved).reduce(Money.ZERO, Money::plus);
    }

    /** The latest replacement of the part on or before the day. */
    PartLine lastReplaced(long partId, LocalDate onOrBefore) {
        return lines.stream().filter(l -> l.partId() == partId && l.replaced() && !l.lossDate().isAfter(onOrBefore))
                .max(Comparator.comparing(PartLine::lossDate).thenComparing(PartLine::number)).orElse(null);
    }

    /** Claims with one of the parts and a loss date within the window either side of the day. */
    List<String> overlapping(LocalDate day, int windowDays) {
        return lines.stream().filter(l -> !l.lossDate().isBefore(day.minusDays(windowDays))
                        && !l.lossDate().isAfter(day.plusDays(windowDays)))
                .map(PartLine::number).distinct().sorted().toList();
    }
}
