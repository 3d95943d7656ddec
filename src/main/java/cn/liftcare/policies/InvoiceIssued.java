package cn.liftcare.policies;

import cn.liftcare.shared.AuditableEvent;

/** A premium invoice or credit note was issued. */
public record InvoiceIssued(InvoiceView invoice) implements AuditableEvent {

    @Override
    public String entityType() {
        return "premium_invoice";
    }

    @Override
    public String entityId() {
        return String.valueOf(invoice.id());
    }

    @Override
    public Object auditBefore() {
        return null;
    }

    @Override
    public Object auditAfter() {
        return invoice;
    }
}
