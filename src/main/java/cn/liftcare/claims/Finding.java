package cn.liftcare.claims;

import org.springframework.data.relational.core.mapping.Table;

/**
 * What one rule found: PASS, CAP (the amount was cut to what the rule allows), REFER (a person must look) or
 * DECLINE; in words, with the evidence it rests on (a link or a record).
 */
@Table("claim_finding")
public record Finding(String rule, Result result, String detail, String evidence) {

    public enum Result {
        PASS, CAP, REFER, DECLINE
    }

    static Finding pass(String rule, String detail, String evidence) {
        return new Finding(rule, Result.PASS, detail, evidence);
    }
}
