package cn.liftcare.pension;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.liftcare.shared.Money;

/** A pension case as the API, the pages and the audit log show it. */
public record PensionCaseView(long id, String number, long elevatorId, long communityId, long useUnitId,
        long maintenanceCompanyId, long insurerId, long policyId, String productVersion, PensionComponent component,
        String description, CaseStatus status, long openedByOrg, String openedBy, Instant openedAt, Long assessedByOrg,
        String assessedBy, Instant assessedAt, Boolean criteriaMet, String assessment, Long approvedByOrg,
        String approvedBy, Instant approvedAt, Integer approvedQuotation, String approvalNote, String decidedBy,
        Instant decidedAt, String decisionReason, Integer continuousYears, BigDecimal share, Money cap, Money cost,
        Money insurerShare, Money reserveUsed, Money ownersShare, Long insurerEntryId, Long ownersEntryId,
        LocalDate completedOn, List<Quotation> quotations, List<FundingLine> funding) {
}
