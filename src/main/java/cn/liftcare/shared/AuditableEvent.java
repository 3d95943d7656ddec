package cn.liftcare.shared;

/**
 * A domain event that records a change to audited data. The audit module appends every one to the
 * hash chain inside the publishing transaction, so no audited change commits without its entry.
 *
 * @see AuditAction
 */
public interface AuditableEvent {

    String entityType();

    String entityId();

    AuditAction action();

    /** The state before, or null on creation; serialised to JSON for the log. */
    Object auditBefore();

    /** The state after, or null on deletion. */
    Object auditAfter();
}
