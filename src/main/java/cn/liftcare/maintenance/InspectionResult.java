package cn.liftcare.maintenance;

public enum InspectionResult {
    PASS,
    /** 复检合格: passed once the listed rectifications were done. */
    PASS_AFTER_RECTIFICATION,
    /** Suspends the elevator until an inspection passes. */
    FAIL;

    public boolean passed() {
        return this != FAIL;
    }
}
