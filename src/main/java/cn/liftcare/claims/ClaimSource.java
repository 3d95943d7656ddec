package cn.liftcare.claims;

public enum ClaimSource {
    /** A completed repair order with parts, on an insured elevator. */
    REPAIR,
    /** An entrapment: the liability section's fixed payment. */
    ENTRAPMENT,
    /** Rectification after a failed inspection (检验整改). */
    RECTIFICATION,
    /** Filed by hand. */
    MANUAL
}
