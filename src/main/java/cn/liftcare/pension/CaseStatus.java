package cn.liftcare.pension;

public enum CaseStatus {
    /** Gathering the assessment, quotations and the owners' approval; then waiting for the insurer. */
    OPEN,
    /** The insurer approved: the cost is split and posted; the work is under way. */
    APPROVED,
    DECLINED,
    /** The work is done; a whole renewal has restarted the elevator's age. */
    COMPLETED
}
