package cn.liftcare.claims;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.liftcare.shared.Money;

/**
 * One version of the loss-assessment rules: the price tolerance over the guide price and the point above which
 * a price is referred, the labour rate and tolerance over the norm, how early a repeat replacement is (as a
 * share of the part's expected life), the duplicate window, the manufacturer's warranty, the default approval
 * limit of an adjuster, and the largest claim accepted at all.
 */
public record ClaimRules(String version, LocalDate effectiveFrom, BigDecimal priceTolerance, BigDecimal priceReferAbove,
        Money labourRatePerHour, BigDecimal labourTolerance, BigDecimal frequencyLifeShare, int duplicateWindowDays,
        int warrantyYears, Money defaultApprovalLimit, Money maxClaim) {
}
