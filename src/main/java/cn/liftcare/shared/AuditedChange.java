package cn.liftcare.shared;

/**
 * An audited event that carries the entity's view before and after the change as record components
 * named {@code before} and {@code after}, which then serve as the audit log's states.
 */
public interface AuditedChange<T> extends AuditableEvent {

    T before();

    T after();

    @Override
    default Object auditBefore() {
        return before();
    }

    @Override
    default Object auditAfter() {
        return after();
    }
}
