/**
 * The tamper-evident audit log: every change to audited data appended to a SHA-256 hash chain, and its
 * verification.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package cn.liftcare.audit;
