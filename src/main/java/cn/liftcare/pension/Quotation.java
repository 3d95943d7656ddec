package cn.liftcare.pension;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Table;

import cn.liftcare.shared.Money;

/** A quotation for the work (报价), from the contractor or another supplier. */
@Table("pension_quotation")
public record Quotation(String supplier, Money amount, String note, String submittedBy, Instant submittedAt) {
}
