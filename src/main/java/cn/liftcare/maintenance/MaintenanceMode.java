package cn.liftcare.maintenance;

public enum MaintenanceMode {
    /** A visit at least every 15 days (《特种设备安全监察条例》, TSG T5002). */
    STANDARD,
    /** 按需维保: a longer interval, only with remote monitoring and the regulator's approval. */
    ON_DEMAND
}
