package cn.liftcare.registry;

public enum ElevatorStatus {
    /** 在用. */
    IN_SERVICE,
    /** 停用: out of use, e.g. after a failed inspection, until it passes. */
    SUSPENDED,
    /** 报废. */
    SCRAPPED
}
