package cn.liftcare.claims;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.liftcare.shared.Money;

/** A claim as the API and the audit log show it. */
public record ClaimView(long id, String number, ClaimSource source, String sourceRef, long elevatorId, long communityId,
        long useUnitId, Long policyId, Long insurerId, String productVersion, long payeeId, String section, Cause cause,
        LocalDate lossDate, Instant repairCompletedAt, Long incidentId, Long repairNeedId, BigDecimal labourHours,
        String description, Money claimed, Money assessed, Money approved, String rulesVersion, Finding.Result outcome,
        ClaimStatus status, Instant submittedAt, String submittedBy, Instant decidedAt, Instant paidAt,
        Long payoutEntryId, List<ClaimLine> lines, List<Finding> findings) {
}
