package cn.liftcare.claims;

import cn.liftcare.shared.AuditedChange;

/** A claim was submitted (before is null), paid, held for a second approver, sent back for evidence or declined. */
public record ClaimChanged(ClaimId claimId, String change, ClaimView before, ClaimView after)
        implements AuditedChange<ClaimView> {

    @Override
    public String entityType() {
        return "claim";
    }

    @Override
    public String entityId() {
        return String.valueOf(claimId.value());
    }
}
