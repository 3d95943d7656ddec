package cn.liftcare.claims;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liftcare.shared.Money;

/**
 * Inserts a claim the rules have just decided (the claim, its lines, its findings and the rules' decision) in
 * one statement, and publishes the claim's events as the repository would. The repository still loads and
 * updates claims; a new claim is written here because it is the hot path of every submission, and the
 * repository's generic mapping cost a third of a submission's time (bench/claims.sh).
 */
@Component
class NewClaimWriter {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    NewClaimWriter(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    ClaimView insert(Claim claim, Claim.Subject subject, String action, Money amount, String reason) {
        ClaimView c = claim.view();
        int lines = c.lines().size();
        int findings = c.findings().size();
        Long[] linePart = new Long[lines];
        String[] lineCode = new String[lines];
        String[] lineAction = new String[lines];
        Integer[] lineQuantity = new Integer[lines];
        String[] lineUnit = new String[lines];
        String[] lineGuide = new String[lines];
        String[] lineAllowed = new String[lines];
        for (int i = 0; i < lines; i++) {
            ClaimLine l = c.lines().get(i);
            linePart[i] = l.partId().value();
            lineCode[i] = l.partCode();
            lineAction[i] = l.action().name();
            lineQuantity[i] = l.quantity();
            lineUnit[i] = l.unitPrice().amount().toPlainString();
            lineGuide[i] = l.guidePrice().amount().toPlainString();
            lineAllowed[i] = l.allowed().amount().toPlainString();
        }
        String[] rule = new String[findings];
        String[] result = new String[findings];
        String[] detail = new String[findings];
        String[] evidence = new String[findings];
        for (int i = 0; i < findings; i++) {
            Finding f = c.findings().get(i);
            rule[i] = f.rule();
            result[i] = f.result().name();
            detail[i] = f.detail();
            evidence[i] = f.evidence();
        }
        jdbc.sql("""
                WITH c AS (
                    INSERT INTO claim (id, number, source, source_ref, elevator_id, district_id, community_id, use_unit_id,
                                       policy_id, insurer_id, product_version, payee_id, section, cause, loss_date,
                                       repair_completed_at, incident_id, repair_need_id, labour_hours, before_photo,
                                       after_photo, description, claimed, assessed, approved, rules_version, outcome,
                                       status, submitted_at, submitted_by, decided_at, paid_at, payout_entry_id, version)
                    VALUES (:id, :number, :source, :sourceRef, :elevator, :district, :community, :useUnit, :policy,
                            :insurer, :product, :payee, :section, :cause, :lossDate, :completed, :incident, :need, :hours,
                            :before, :after, :description, :claimed, :assessed, :approved, :rules, :outcome, :status,
                            :submitted, :submittedBy, :decided, :paid, :entry, 0)
                    RETURNING id),
                l AS (
                    INSERT INTO claim_line (claim_id, line, part_id, part_code, action, quantity, unit_price, guide_price,
                                            allowed)
                    SELECT c.id, t.n - 1, t.part, t.code, t.action, t.quantity, t.unit, t.guide, t.allowed
                    FROM c, unnest(CAST(:linePart AS BIGINT[]), CAST(:lineCode AS TEXT[]), CAST(:lineAction AS TEXT[]),
                                   CAST(:lineQuantity AS INT[]), CAST(CAST(:lineUnit AS TEXT[]) AS NUMERIC[]),
                                   CAST(CAST(:lineGuide AS TEXT[]) AS NUMERIC[]),
                                   CAST(CAST(:lineAllowed AS TEXT[]) AS NUMERIC[]))
                            WITH ORDINALITY AS t(part, code, action, quantity, unit, guide, allowed, n)),
                f AS (
                    INSERT INTO claim_finding (claim_id, line, rule, result, detail, evidence)
                    SELECT c.id, t.n - 1, t.rule, t.result, t.detail, t.evidence
                    FROM c, unnest(CAST(:rule AS TEXT[]), CAST(:result AS TEXT[]), CAST(:detail AS TEXT[]),
                                   CAST(:evidence AS TEXT[])) WITH ORDINALITY AS t(rule, result, detail, evidence, n))
                INSERT INTO claim_decision (claim_id, action, amount, reason, decided_by, decided_at)
                SELECT c.id, :action, :amount, :reason, :submittedBy, :submitted FROM c""")
                .param("id", c.id()).param("number", c.number()).param("source", c.source().name())
                .param("sourceRef", c.sourceRef()).param("elevator", c.elevatorId())
                .param("district", subject.districtId().value()).param("community", c.communityId())
                .param("useUnit", c.useUnitId()).param("policy", c.policyId()).param("insurer", c.insurerId())
                .param("product", c.productVersion()).param("payee", c.payeeId()).param("section", c.section())
                .param("cause", c.cause().name()).param("lossDate", Date.valueOf(c.lossDate()))
                .param("completed", timestamp(c.repairCompletedAt())).param("incident", c.incidentId())
                .param("need", c.repairNeedId()).param("hours", c.labourHours())
                .param("before", subject.beforePhoto()).param("after", subject.afterPhoto())
                .param("description", c.description()).param("claimed", c.claimed().amount())
                .param("assessed", c.assessed().amount()).param("approved", amount(c.approved()))
                .param("rules", c.rulesVersion()).param("outcome", c.outcome().name()).param("status", c.status().name())
                .param("submitted", timestamp(c.submittedAt())).param("submittedBy", c.submittedBy())
                .param("decided", timestamp(c.decidedAt())).param("paid", timestamp(c.paidAt()))
                .param("entry", c.payoutEntryId())
                .param("linePart", linePart).param("lineCode", lineCode).param("lineAction", lineAction)
                .param("lineQuantity", lineQuantity).param("lineUnit", lineUnit).param("lineGuide", lineGuide)
                .param("lineAllowed", lineAllowed).param("rule", rule).param("result", result).param("detail", detail)
                .param("evidence", evidence).param("action", action).param("amount", amount(amount))
                .param("reason", reason.length() > 500 ? reason.substring(0, 500) : reason)
                .update();
        claim.takeEvents().forEach(events::publishEvent);
        return c;
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static BigDecimal amount(Money money) {
        return money == null ? null : money.amount();
    }
}
