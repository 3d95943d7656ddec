package cn.liftcare.shared;

public enum AuditAction {
    CREATE, UPDATE, DELETE
}
