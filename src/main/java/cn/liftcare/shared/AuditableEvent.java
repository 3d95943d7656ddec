package cn.liftcare.shared;

/**
 * A domain event that records a change to audited data. The audit module writes every one to the log inside the
 * publishing transaction, so no audited change commits without its entry, and seals it into the hash chain just
 * after.
 *
 * @see AuditAction
 */
public interface AuditableEvent {

    String entityType();

    String entityId();

    /** Creation when there is no state before, deletion when there is none after, else an update. */
    default AuditAction action() {
        if (auditBefore() == null) {
            return AuditAction.CREATE;
        }
        return auditAfter() == null ? AuditAction.DELETE : AuditAction.UPDATE;
    }

    /** The state before, or null on creation; serialised to JSON for the log. */
    Object auditBefore();

    /** The state after, or null on deletion. */
    Object auditAfter();
}
