package cn.liftcare.claims;

/** Why the part failed, as the claimant states it; three causes are excluded by the product. */
public enum Cause {
    WEAR,
    VANDALISM,
    NATURAL_CATASTROPHE,
    PRE_EXISTING_DEFECT,
    OTHER
}
