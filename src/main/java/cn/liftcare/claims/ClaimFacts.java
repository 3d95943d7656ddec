package cn.liftcare.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cn.liftcare.incidents.RepairPart;
import cn.liftcare.shared.Money;

/** Everything the rules look at, gathered once, so the assessment itself is a pure function. */
public record ClaimFacts(ClaimSource source, String section, LocalDate lossDate, Cause cause, Cover cover,
        LocalDate commissioned, List<Line> lines, BigDecimal labourHours, Evidence evidence, List<String> duplicates) {

    /**
     * The policy in force on the day of loss: whether it covers the section, its exclusions, the deductible, the
     * section's annual limit and the elevator's, what was already paid against each this policy year, and the
     * section's fixed payment (the entrapment payment) if it has one.
     */
    public record Cover(long policyId, String policyNumber, long insurerId, String productVersion, boolean sectionCovered,
            Set<String> exclusions, Money deductible, Money sectionLimit, Money sectionUsed, Money elevatorLimit,
            Money elevatorUsed, Money fixedPayment) {
    }

    /** A part claimed with its catalogue facts, and when the same part was last replaced on this elevator. */
    public record Line(String partCode, String category, RepairPart.Action action, int quantity, Money unitPrice,
            Money guidePrice, BigDecimal labourNorm, int expectedLifeYears, LocalDate lastReplacedOn,
            String lastClaim) {
    }

    /**
     * @param link what the repair answers: an incident or an abnormal maintenance item, or null
     * @param checkedIn the maintainer proved presence on site with the car's signed code
     */
    public record Evidence(String link, boolean checkedIn, boolean beforePhoto, boolean afterPhoto) {
    }
}
