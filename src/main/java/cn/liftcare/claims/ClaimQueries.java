package cn.liftcare.claims;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.liftcare.identity.Scope;
import cn.liftcare.policies.Cover;
import cn.liftcare.registry.AgeBand;
import cn.liftcare.registry.RegistryScope;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.Money;

/** Claims as lists, the adjuster queue, payouts and the metrics, all scoped in SQL. */
@Service
public class ClaimQueries {

    private final JdbcClient jdbc;
    private final ClaimScope scopes;
    private final Claims claims;
    private final Cover cover;
    private final LiftCareTime time;

    ClaimQueries(JdbcClient jdbc, ClaimScope scopes, Claims claims, Cover cover, LiftCareTime time) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.claims = claims;
        this.cover = cover;
        this.time = time;
    }

    public record ClaimRow(long id, String number, ClaimSource source, long elevatorId, String registrationCode,
            long communityId, String section, LocalDate lossDate, Money claimed, Money assessed, Money approved,
            ClaimStatus status, List<String> referrals, Instant submittedAt) {
    }

    /**
     * Claims in scope, newest first. {@code queue} keeps those waiting for a person (referred, waiting for
     * evidence or a second approver); {@code rule} keeps those with a non-passing finding of that rule.
     */
    public List<ClaimRow> list(Scope scope, ClaimStatus status, boolean queue, String rule, Long payee, int limit) {
        RegistryScope.Predicate predicate = scopes.claims(scope);
        StringBuilder where = new StringBuilder(predicate.sql());
        if (status != null) {
            where.append(" AND c.status = :status");
        }
        if (queue) {
            where.append(" AND c.status IN ('REFERRED', 'INFO_REQUESTED', 'PENDING_SECOND')");
        }
        if (rule != null && !rule.isBlank()) {
            where.append(" AND EXISTS (SELECT 1 FROM claim_finding f WHERE f.claim_id = c.id AND f.rule = :rule "
                    + "AND f.result <> 'PASS')");
        }
        if (payee != null) {
            where.append(" AND c.payee_id = :payee");
        }
        var spec = jdbc.sql("""
                SELECT c.id, c.number, c.source, c.elevator_id, e.registration_code, c.community_id, c.section, c.loss_date,
                       c.claimed, c.assessed, c.approved, c.status, c.submitted_at,
                       (SELECT string_agg(DISTINCT f.rule, ',') FROM claim_finding f
                        WHERE f.claim_id = c.id AND f.result IN ('REFER', 'DECLINE')) AS referrals
                FROM claim c JOIN elevator e ON e.id = c.elevator_id
                WHERE """ + " " + where + " ORDER BY c.submitted_at DESC, c.id DESC LIMIT :limit")
                .params(predicate.params()).param("limit", Math.max(1, Math.min(limit, 1000)));
        if (status != null) {
            spec = spec.param("status", status.name());
        }
        if (rule != null && !rule.isBlank()) {
            spec = spec.param("rule", rule);
        }
        if (payee != null) {
            spec = spec.param("payee", payee);
        }
        return spec.query((rs, i) -> new ClaimRow(rs.getLong(1), rs.getString(2), ClaimSource.valueOf(rs.getString(3)),
                rs.getLong(4), rs.getString(5), rs.getLong(6), rs.getString(7), rs.getObject(8, LocalDate.class),
                Money.of(rs.getBigDecimal(9)), Money.of(rs.getBigDecimal(10)),
                rs.getBigDecimal(11) == null ? null : Money.of(rs.getBigDecimal(11)), ClaimStatus.valueOf(rs.getString(12)),
                rs.getString(14) == null ? List.of() : List.of(rs.getString(14).split(",")),
                rs.getTimestamp(13).toInstant())).list();
    }

    /** How many claims waiting for a person have a non-passing finding of each rule: the queue's filter counts. */
    public Map<String, Long> queueCounts(Scope scope) {
        RegistryScope.Predicate predicate = scopes.claims(scope);
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT f.rule, count(DISTINCT c.id) FROM claim c JOIN claim_finding f ON f.claim_id = c.id "
                        + "WHERE c.status IN ('REFERRED', 'INFO_REQUESTED', 'PENDING_SECOND') AND f.result <> 'PASS' AND "
                        + predicate.sql() + " GROUP BY f.rule ORDER BY f.rule").params(predicate.params())
                .query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    /** The claim with this number, if the caller may see it. */
    public Optional<Long> idByNumber(Scope scope, String number) {
        RegistryScope.Predicate predicate = scopes.claims(scope);
        return jdbc.sql("SELECT c.id FROM claim c WHERE c.number = :number AND " + predicate.sql())
                .params(predicate.params()).param("number", number.strip()).query(Long.class).optional();
    }

    public record Decision(String action, Money amount, String reason, String decidedBy, Instant decidedAt) {
    }

    public record ClaimDetails(ClaimView claim, String registrationCode, List<Decision> decisions) {
    }

    public Optional<ClaimDetails> details(Scope scope, ClaimId id) {
        RegistryScope.Predicate predicate = scopes.claims(scope);
        Optional<String> code = jdbc.sql("SELECT e.registration_code FROM claim c JOIN elevator e ON e.id = c.elevator_id "
                        + "WHERE c.id = :id AND " + predicate.sql()).params(predicate.params()).param("id", id.value())
                .query(String.class).optional();
        return code.map(registration -> new ClaimDetails(claims.findById(id).orElseThrow().view(), registration,
                jdbc.sql("SELECT action, amount, reason, decided_by, decided_at FROM claim_decision WHERE claim_id = :id ORDER BY id")
                        .param("id", id.value())
                        .query((rs, i) -> new Decision(rs.getString(1), rs.getBigDecimal(2) == null ? null
                                : Money.of(rs.getBigDecimal(2)), rs.getString(3), rs.getString(4),
                                rs.getTimestamp(5).toInstant())).list()));
    }

    /** The approved amounts of paid claims by the month they were submitted in (Asia/Shanghai), in [from, to). */
    public Map<YearMonth, Money> paidByMonth(Scope scope, LocalDate from, LocalDate to) {
        RegistryScope.Predicate predicate = scopes.claims(scope);
        Map<YearMonth, Money> paid = new HashMap<>();
        jdbc.sql("SELECT to_char(c.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), sum(c.approved) FROM claim c "
                        + "WHERE c.status = 'PAID' AND c.approved IS NOT NULL AND c.submitted_at >= :from "
                        + "AND c.submitted_at < :to AND " + predicate.sql() + " GROUP BY 1")
                .params(predicate.params())
                .param("from", Timestamp.from(from.atStartOfDay(LiftCareTime.ZONE).toInstant()))
                .param("to", Timestamp.from(to.atStartOfDay(LiftCareTime.ZONE).toInstant()))
                .query((rs, i) -> paid.put(YearMonth.parse(rs.getString(1)), Money.of(rs.getBigDecimal(2)))).list();
        return paid;
    }

    /** What the claims still open would cost (their reserve): the assessed amount, else the claimed, of each. */
    public Money outstanding(Scope scope) {
        RegistryScope.Predicate predicate = scopes.claims(scope);
        return Money.of(jdbc.sql("SELECT coalesce(sum(coalesce(c.assessed, c.claimed, 0)), 0) FROM claim c "
                        + "WHERE c.status NOT IN ('PAID', 'DECLINED') AND " + predicate.sql())
                .params(predicate.params()).query(BigDecimal.class).single());
    }

    public record Payouts(long payeeId, long claims, Money total, List<ClaimRow> recent) {
    }

    /** What a maintenance company has been paid: its paid claims and their total. */
    public Payouts payouts(Scope scope, long payee) {
        RegistryScope.Predicate predicate = scopes.claims(scope);
        Object[] totals = jdbc.sql("SELECT count(*), coalesce(sum(c.approved), 0) FROM claim c WHERE c.status = 'PAID' "
                        + "AND c.payee_id = :payee AND " + predicate.sql()).params(predicate.params())
                .param("payee", payee).query((rs, i) -> new Object[] {rs.getLong(1), rs.getBigDecimal(2)}).single();
        return new Payouts(payee, (Long) totals[0], Money.of((BigDecimal) totals[1]),
                list(scope, ClaimStatus.PAID, false, null, payee, 50));
    }

    public record Ratio(String key, Money claims, Money premium, BigDecimal ratio) {
    }

    public record Metrics(LocalDate from, LocalDate to, long submitted, long straightThrough, BigDecimal stpRate,
            Double payoutMedianHours, Double payoutP90Hours, Map<String, Long> referralReasons,
            List<Ratio> byPolicy, List<Ratio> byCommunity, List<Ratio> byInsurer, List<Ratio> byProductVersion,
            List<Ratio> byBrand, List<Ratio> byAgeBand) {
    }

    /**
     * Claims submitted in [from, to): the share decided straight through, the hours from repair completion to
     * payout (median and p90), the referral reasons ranked, and loss ratios (paid claims over written premium).
     */
    public Metrics metrics(Scope scope, LocalDate from, LocalDate to) {
        RegistryScope.Predicate predicate = scopes.claims(scope);
        String period = predicate.sql() + " AND c.submitted_at >= :from AND c.submitted_at < :to";
        Timestamp start = Timestamp.from(from.atStartOfDay(LiftCareTime.ZONE).toInstant());
        Timestamp end = Timestamp.from(to.atStartOfDay(LiftCareTime.ZONE).toInstant());
        Object[] counts = jdbc.sql("""
                SELECT count(*),
                       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM claim_decision d WHERE d.claim_id = c.id AND d.action = 'STP')),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.paid_at - c.repair_completed_at) / 3600)
                           FILTER (WHERE c.paid_at IS NOT NULL AND c.repair_completed_at IS NOT NULL),
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM c.paid_at - c.repair_completed_at) / 3600)
                           FILTER (WHERE c.paid_at IS NOT NULL AND c.repair_completed_at IS NOT NULL)
                FROM claim c WHERE """ + " " + period).params(predicate.params()).param("from", start).param("to", end)
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getObject(3), rs.getObject(4)}).single();
        long submitted = (Long) counts[0];
        long stp = (Long) counts[1];
        Map<String, Long> reasons = new LinkedHashMap<>();
        jdbc.sql("SELECT f.rule, count(DISTINCT c.id) AS n FROM claim c JOIN claim_finding f ON f.claim_id = c.id "
                        + "WHERE f.result = 'REFER' AND " + period + " GROUP BY f.rule ORDER BY n DESC, f.rule")
                .params(predicate.params()).param("from", start).param("to", end)
                .query((rs, i) -> reasons.put(rs.getString(1), rs.getLong(2))).list();
        Map<Long, Money> paid = new LinkedHashMap<>();
        Map<Long, Money> paidByElevator = new HashMap<>();
        jdbc.sql("SELECT c.policy_id, c.elevator_id, sum(c.approved) FROM claim c WHERE c.status = 'PAID' "
                        + "AND c.policy_id IS NOT NULL AND " + period + " GROUP BY c.policy_id, c.elevator_id")
                .params(predicate.params()).param("from", start).param("to", end).query((rs, i) -> {
                    Money amount = Money.of(rs.getBigDecimal(3));
                    paid.merge(rs.getLong(1), amount, Money::plus);
                    return paidByElevator.merge(rs.getLong(2), amount, Money::plus);
                }).list();
        Map<Long, Cover.WrittenPremium> premiums = cover.writtenPremium(paid.keySet());
        List<Cover.ElevatorPremium> shares = cover.writtenPremiumByElevator(paid.keySet());
        Map<Long, String[]> facts = elevatorFacts(shares.stream().map(Cover.ElevatorPremium::elevatorId).distinct().toList());
        return new Metrics(from, to, submitted, stp, submitted == 0 ? null
                : BigDecimal.valueOf(stp).divide(BigDecimal.valueOf(submitted), 4, java.math.RoundingMode.HALF_UP),
                hours(counts[2]), hours(counts[3]), reasons,
                ratios(paid, premiums, p -> "policy:" + p.policyId()),
                ratios(paid, premiums, p -> "community:" + p.communityId()),
                ratios(paid, premiums, p -> "insurer:" + p.insurerId()),
                ratios(paid, premiums, p -> "product:" + p.productVersion()),
                byElevator(paidByElevator, shares, e -> "brand:" + facts.get(e)[0]),
                byElevator(paidByElevator, shares, e -> "age:" + facts.get(e)[1]));
    }

    /** Each elevator's brand and age band (today), for the loss ratios by a fact of the elevator. */
    private Map<Long, String[]> elevatorFacts(List<Long> elevatorIds) {
        Map<Long, String[]> facts = new HashMap<>();
        LocalDate today = time.today();
        for (int from = 0; from < elevatorIds.size(); from += 5_000) {
            jdbc.sql("SELECT id, brand, coalesce(renewed_on, commissioning_date) FROM elevator WHERE id IN (:ids)")
                    .param("ids", elevatorIds.subList(from, Math.min(elevatorIds.size(), from + 5_000)))
                    .query((rs, i) -> facts.put(rs.getLong(1), new String[] {rs.getString(2), AgeBand.of((int)
                            java.time.temporal.ChronoUnit.YEARS.between(rs.getObject(3, LocalDate.class), today)).code()}))
                    .list();
        }
        return facts;
    }

    /**
     * Loss ratios by a fact of the elevator: its paid claims over its share of the written premium of the policies
     * the period's paid claims fell on (the same policies as the other ratios; their claim-free elevators count too).
     */
    private static List<Ratio> byElevator(Map<Long, Money> paid, List<Cover.ElevatorPremium> shares,
            java.util.function.LongFunction<String> key) {
        Map<String, Money[]> sums = new LinkedHashMap<>();
        Set<Long> counted = new HashSet<>();
        for (Cover.ElevatorPremium share : shares) {
            Money[] s = sums.computeIfAbsent(key.apply(share.elevatorId()), k -> new Money[] {Money.ZERO, Money.ZERO});
            if (counted.add(share.elevatorId())) {
                s[0] = s[0].plus(paid.getOrDefault(share.elevatorId(), Money.ZERO));
            }
            s[1] = s[1].plus(share.premium());
        }
        List<Ratio> ratios = new ArrayList<>();
        sums.forEach((k, s) -> ratios.add(new Ratio(k, s[0], s[1], s[1].signum() <= 0 ? null
                : s[0].amount().divide(s[1].amount(), 4, java.math.RoundingMode.HALF_UP))));
        ratios.sort(java.util.Comparator.comparing(Ratio::key));
        return ratios;
    }

    private static Double hours(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue() * 100) / 100.0;
    }

    private static List<Ratio> ratios(Map<Long, Money> paid, Map<Long, Cover.WrittenPremium> premiums,
            java.util.function.Function<Cover.WrittenPremium, String> key) {
        Map<String, Money[]> sums = new LinkedHashMap<>();
        paid.forEach((policy, amount) -> {
            Cover.WrittenPremium p = premiums.get(policy);
            if (p != null) {
                Money[] s = sums.computeIfAbsent(key.apply(p), k -> new Money[] {Money.ZERO, Money.ZERO});
                s[0] = s[0].plus(amount);
                s[1] = s[1].plus(p.premium());
            }
        });
        List<Ratio> ratios = new ArrayList<>();
        sums.forEach((k, s) -> ratios.add(new Ratio(k, s[0], s[1], s[1].signum() <= 0 ? null
                : s[0].amount().divide(s[1].amount(), 4, java.math.RoundingMode.HALF_UP))));
        ratios.sort(java.util.Comparator.comparing(Ratio::key));
        return ratios;
    }

    LocalDate today() {
        return time.today();
    }
}
