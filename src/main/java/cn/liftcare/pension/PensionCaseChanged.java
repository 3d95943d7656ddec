package cn.liftcare.pension;

import cn.liftcare.shared.AuditedChange;

/**
 * A pension case was opened (before is null), assessed, quoted, approved by the owners, decided by the insurer
 * (with the split and its entries), or completed.
 */
public record PensionCaseChanged(PensionCaseId caseId, String change, PensionCaseView before, PensionCaseView after)
        implements AuditedChange<PensionCaseView> {

    @Override
    public String entityType() {
        return "pension_case";
    }

    @Override
    public String entityId() {
        return String.valueOf(caseId.value());
    }
}
