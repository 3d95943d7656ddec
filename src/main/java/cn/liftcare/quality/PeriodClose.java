package cn.liftcare.quality;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.ledger.AccountPurpose;
import cn.liftcare.ledger.AccountRef;
import cn.liftcare.ledger.Ledger;
import cn.liftcare.ledger.NewEntry;
import cn.liftcare.ledger.Posting;
import cn.liftcare.policies.MaintenanceFees;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.Money;
import cn.liftcare.shared.RuleViolationException;

/**
 * Closes a period that has ended: scores it one last time, freezes it, and pays by score. Each insurer's base
 * maintenance fee to each company for the period (the maintenance component of the insured elevators' rating, pro
 * rata) times the factor of the company's grade under the period's standard is posted once, as one balanced entry
 * (maintenance fee expense against the company's payable) under the key {@code quality:{period}:{insurer}:{company}};
 * a company graded D is also a warning to the regulator. Closing again changes nothing.
 */
@Service
public class PeriodClose {

    static final Role[] CLOSERS = {Role.ADMIN, Role.REGULATOR};

    private final QualityScoring scoring;
    private final StandardBook standards;
    private final MaintenanceFees fees;
    private final Ledger ledger;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final LiftCareTime time;

    PeriodClose(QualityScoring scoring, StandardBook standards, MaintenanceFees fees, Ledger ledger, JdbcClient jdbc,
            ApplicationEventPublisher events, LiftCareTime time) {
        this.scoring = scoring;
        this.standards = standards;
        this.fees = fees;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.events = events;
        this.time = time;
    }

    public record Closing(String period, String standardVersion, int payments, Money payable, List<Long> warned) {
    }

    @Transactional
    public Closing close(Scope scope, String periodCode) {
        if (!scope.hasAny(CLOSERS)) {
            throw new AccessDeniedException("role");
        }
        Period period = Period.parse(periodCode);
        if (!period.endedBy(time.today())) {
            throw new RuleViolationException("quality-period-open", "quality.period.notEnded", period.code());
        }
        if (scoring.status(period.code()).filter("CLOSED"::equals).isPresent()) {
            return closing(period.code());
        }
        QualityScoring.Computed computed = scoring.compute(scope, period.code());
        Standard standard = standards.version(computed.standardVersion()).orElseThrow();
        Map<Long, Object[]> grades = new HashMap<>();
        jdbc.sql("SELECT subject_id, grade, score FROM quality_score WHERE period = :p AND level = 'COMPANY'")
                .param("p", period.code())
                .query((rs, i) -> grades.put(rs.getLong(1), new Object[] {rs.getString(2), rs.getBigDecimal(3)})).list();
        for (MaintenanceFees.BaseFee fee : fees.baseFees(period.start(), period.end())) {
            Object[] g = grades.get(fee.companyId());
            if (g == null) {
                continue;
            }
            String grade = (String) g[0];
            BigDecimal factor = standard.payFactor(grade);
            Money payable = fee.fee().times(factor);
            Long entry = null;
            if (payable.signum() > 0) {
                entry = ledger.post(new NewEntry("quality:" + period.code() + ":" + fee.insurerId() + ":" + fee.companyId(),
                        "维保费 " + period.code() + " " + grade + " ×" + factor.stripTrailingZeros().toPlainString(),
                        period.end().minusDays(1), List.of(
                                Posting.debit(AccountRef.of(AccountPurpose.MAINTENANCE_FEE_EXPENSE, fee.insurerId(), null), payable),
                                Posting.credit(AccountRef.of(AccountPurpose.MAINTENANCE_FEE_PAYABLE, fee.insurerId(),
                                        fee.companyId()), payable)))).id();
            }
            jdbc.sql("""
                    INSERT INTO quality_payment (period, insurer_id, company_id, grade, base_fee, factor, payable, entry_id)
                    VALUES (:p, :insurer, :company, :grade, :base, :factor, :payable, :entry)""")
                    .param("p", period.code()).param("insurer", fee.insurerId()).param("company", fee.companyId())
                    .param("grade", grade).param("base", fee.fee().amount()).param("factor", factor)
                    .param("payable", payable.amount()).param("entry", entry).update();
        }
        grades.forEach((company, g) -> {
            if (standard.lowestGrade().equals(g[0])) {
                jdbc.sql("INSERT INTO quality_warning (period, company_id, score, raised_at) VALUES (:p, :c, :s, :at)")
                        .param("p", period.code()).param("c", company).param("s", g[1])
                        .param("at", Timestamp.from(time.now())).update();
            }
        });
        jdbc.sql("UPDATE quality_period SET status = 'CLOSED', closed_at = :at, closed_by = :by WHERE period = :p")
                .param("at", Timestamp.from(time.now())).param("by", scope.userId().value()).param("p", period.code())
                .update();
        Closing closing = closing(period.code());
        events.publishEvent(new QualityPeriodClosed(period.code(), null, closing));
        return closing;
    }

    Closing closing(String period) {
        List<Long> warned = new ArrayList<>(jdbc.sql("SELECT company_id FROM quality_warning WHERE period = :p ORDER BY company_id")
                .param("p", period).query(Long.class).list());
        return jdbc.sql("""
                SELECT qp.standard_version, count(q.company_id), coalesce(sum(q.payable), 0)
                FROM quality_period qp LEFT JOIN quality_payment q ON q.period = qp.period
                WHERE qp.period = :p GROUP BY qp.standard_version""")
                .param("p", period)
                .query((rs, i) -> new Closing(period, rs.getString(1), rs.getInt(2), Money.of(rs.getBigDecimal(3)), warned))
                .single();
    }
}
