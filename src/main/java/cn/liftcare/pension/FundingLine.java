package cn.liftcare.pension;

import java.math.BigDecimal;

import org.springframework.data.relational.core.mapping.Table;

import cn.liftcare.policies.PayerSource;
import cn.liftcare.shared.Money;

/** One funding source of the owners' share: its percent as approved, its amount once decided. */
@Table("pension_funding")
public record FundingLine(PayerSource source, BigDecimal percent, Money amount) {
}
