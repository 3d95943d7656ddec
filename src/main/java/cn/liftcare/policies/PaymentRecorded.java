package cn.liftcare.policies;

import cn.liftcare.shared.AuditableEvent;

/** A premium payment, or a refund on a credit note, was recorded. */
public record PaymentRecorded(PaymentView payment) implements AuditableEvent {

    @Override
    public String entityType() {
        return "premium_payment";
    }

    @Override
    public String entityId() {
        return String.valueOf(payment.id());
    }

    @Override
    public Object auditBefore() {
        return null;
    }

    @Override
    public Object auditAfter() {
        return payment;
    }
}
