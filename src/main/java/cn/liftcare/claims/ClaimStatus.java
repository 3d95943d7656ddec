package cn.liftcare.claims;

public enum ClaimStatus {
    /** Approved and the payout posted. */
    PAID,
    /** In the adjuster queue. */
    REFERRED,
    /** Waiting for more evidence from the maintenance company. */
    INFO_REQUESTED,
    /** Approved above the first approver's limit, waiting for a second approver. */
    PENDING_SECOND,
    DECLINED
}
