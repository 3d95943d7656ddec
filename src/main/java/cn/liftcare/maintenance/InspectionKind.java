package cn.liftcare.maintenance;

public enum InspectionKind {
    /** 定期检验, by the inspection body. */
    PERIODIC,
    /** 自行检测, by the maintenance company (or a testing company) in the other years. */
    SELF_TEST
}
