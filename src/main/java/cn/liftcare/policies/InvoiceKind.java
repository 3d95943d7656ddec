package cn.liftcare.policies;

public enum InvoiceKind {
    /** An instalment of the policy's premium. */
    PREMIUM,
    /** Extra premium for elevators added mid-term. */
    ENDORSEMENT,
    /** Unearned premium credited back (退费): elevators removed, or the policy cancelled or lapsed. */
    CREDIT
}
