package cn.liftcare.policies;

/** Where a policy is in its life. Expiry is not a status: an issued policy is in force between its dates. */
public enum PolicyStatus {
    /** Priced and offered, awaiting survey and the three parties' acceptance (报价/投保). */
    QUOTED,
    /** All three parties have accepted the contract (签约). */
    BOUND,
    /** Numbered and in force for its term (出单). */
    ISSUED,
    CANCELLED,
    /** Ended for premium unpaid after the grace period (失效). */
    LAPSED
}
