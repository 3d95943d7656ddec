package cn.liftcare.claims;

import java.math.BigDecimal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.registry.RegistryScope;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.Money;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/**
 * The adjuster's decisions on referred claims: approve (the assessed amount or an adjusted one), ask for more
 * evidence, or decline, each with a reason. Above the adjuster's own approval limit a second approver, another
 * person with a high enough limit, must approve. A decision with a key already used answers the claim as it is,
 * so a retry never pays twice; the claim row is locked while deciding.
 */
@Service
public class Adjusting {

    public enum Action {
        APPROVE, ADJUST, REQUEST_INFO, DECLINE
    }

    public record Decision(Action action, Money amount, String reason, String idempotencyKey) {
    }

    private final Claims claims;
    private final ClaimDesk desk;
    private final ClaimRuleBook rules;
    private final ClaimScope scopes;
    private final JdbcClient jdbc;
    private final LiftCareTime time;

    Adjusting(Claims claims, ClaimDesk desk, ClaimRuleBook rules, ClaimScope scopes, JdbcClient jdbc, LiftCareTime time) {
        this.claims = claims;
        this.desk = desk;
        this.rules = rules;
        this.scopes = scopes;
        this.jdbc = jdbc;
        this.time = time;
    }

    @Transactional
    public ClaimView decide(Scope scope, ClaimId id, Decision decision) {
        if (!scope.hasAny(Role.ADJUSTER, Role.SUPERVISOR)) {
            throw new AccessDeniedException("role");
        }
        if (decision.action() == null) {
            throw new ValidationFailedException(Violation.of("action", "validation.required"));
        }
        if (decision.reason() == null || decision.reason().isBlank() || decision.reason().length() > 500) {
            throw new ValidationFailedException(Violation.of("reason", "claim.reason"));
        }
        String key = decision.idempotencyKey() == null || decision.idempotencyKey().isBlank() ? null
                : decision.idempotencyKey().strip();
        if (key != null && key.length() > 120) {
            throw new ValidationFailedException(Violation.of("idempotencyKey", "ledger.key"));
        }
        RegistryScope.Predicate predicate = scopes.claims(scope);
        boolean visible = jdbc.sql("SELECT c.id FROM claim c WHERE c.id = :id AND " + predicate.sql() + " FOR UPDATE")
                .params(predicate.params()).param("id", id.value()).query(Long.class).optional().isPresent();
        if (!visible) {
            throw new NotFoundException("claim", id.value());
        }
        Claim claim = claims.findById(id).orElseThrow();
        if (key != null) {
            Long earlier = jdbc.sql("SELECT claim_id FROM claim_decision WHERE idempotency_key = :k").param("k", key)
                    .query(Long.class).optional().orElse(null);
            if (earlier != null) {
                if (earlier != id.value()) {
                    throw new RuleViolationException("idempotency-key-reused", "ledger.keyReused", key);
                }
                return claim.view();
            }
        }
        if (claim.insurerId() == null) {
            throw new RuleViolationException("claim-closed", "claim.closed", claim.number(), claim.status().name());
        }
        var now = time.now();
        String reason = decision.reason().strip();
        switch (decision.action()) {
            case DECLINE -> {
                claim.decline(now);
                desk.record(id, "DECLINE", null, reason, scope, key, now);
            }
            case REQUEST_INFO -> {
                claim.requestInformation(now);
                desk.record(id, "REQUEST_INFO", null, reason, scope, key, now);
            }
            case APPROVE, ADJUST -> approve(scope, claim, decision, reason, key, now);
        }
        return claims.save(claim).view();
    }

    private void approve(Scope scope, Claim claim, Decision decision, String reason, String key, java.time.Instant now) {
        Money amount = decision.action() == Action.APPROVE && decision.amount() == null ? claim.assessed()
                : decision.amount();
        if (amount == null) {
            throw new ValidationFailedException(Violation.of("amount", "validation.required"));
        }
        Money limit = limit(scope);
        boolean second = claim.status() == ClaimStatus.PENDING_SECOND;
        if (second) {
            String first = jdbc.sql("""
                    SELECT decided_by FROM claim_decision WHERE claim_id = :id AND action IN ('APPROVE', 'ADJUST')
                    ORDER BY id DESC LIMIT 1""").param("id", claim.id().value()).query(String.class).optional().orElse("");
            if (first.equals(scope.username())) {
                throw new RuleViolationException("second-approver", "claim.secondApprover");
            }
            if (amount.compareTo(claim.approved()) != 0) {
                throw new RuleViolationException("second-amount", "claim.secondAmount", claim.approved().toString())
                        .with("field", "amount");
            }
        }
        if (amount.isGreaterThan(limit)) {
            if (second) {
                throw new RuleViolationException("over-authority", "claim.overAuthority", limit.toString());
            }
            claim.holdForSecond(amount, now);
            desk.record(claim.id(), decision.action().name(), amount, reason, scope, key, now);
            return;
        }
        long entry = desk.payout(claim.id(), claim.number(), claim.insurerId(), claim.payeeId(), amount, time.today());
        claim.approve(amount, entry, now);
        desk.record(claim.id(), second ? "SECOND_APPROVAL" : decision.action().name(), amount, reason, scope, key, now);
    }

    /** The caller's own approval limit, or the rules' default when none is set. */
    Money limit(Scope scope) {
        return jdbc.sql("SELECT approval_limit FROM adjuster_authority WHERE user_id = :u")
                .param("u", scope.userId().value()).query(BigDecimal.class).optional().map(Money::of)
                .orElse(rules.inForceOn(time.today()).defaultApprovalLimit());
    }
}
