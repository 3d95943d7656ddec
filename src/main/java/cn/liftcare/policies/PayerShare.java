package cn.liftcare.policies;

import java.math.BigDecimal;

import org.springframework.data.relational.core.mapping.Table;

/** One payer's percentage of the premium left after any subsidy. */
@Table("policy_payer")
public record PayerShare(PayerSource source, BigDecimal percent) {
}
