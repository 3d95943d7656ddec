package cn.liftcare.incidents;

/** Where the fault was, by the 96333 work-order taxonomy. */
public enum FaultLocation {
    /** 厅轿门系统. */
    DOORS,
    /** 轿厢系统. */
    CAR,
    /** 底坑. */
    PIT,
    /** 厅外部件. */
    LANDING_FIXTURES,
    /** 控制柜. */
    CONTROLLER,
    /** 主机/限速器. */
    MACHINE_GOVERNOR,
    /** 井道部件. */
    SHAFT,
    /** 其他. */
    OTHER
}
