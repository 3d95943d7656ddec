package cn.liftcare.policies;

import java.time.LocalDate;

import cn.liftcare.shared.Money;

/**
 * An invoice with what has been paid against it. The state is derived: PAID or REFUNDED when settled,
 * OVERDUE after its due date, IN_GRACE... never stored.
 */
public record InvoiceView(long id, String number, long policyId, String policyNumber, InvoiceKind kind,
        PayerSource payer, int instalment, Money amount, Money settled, Money outstanding, LocalDate issuedOn,
        LocalDate dueOn, State state, long insurerId, long useUnitId, long communityId) {

    public enum State {
        OPEN, OVERDUE, PAID, REFUND_DUE, REFUNDED
    }

    static State state(InvoiceKind kind, Money outstanding, LocalDate dueOn, LocalDate today) {
        if (kind == InvoiceKind.CREDIT) {
            return outstanding.signum() == 0 ? State.REFUNDED : State.REFUND_DUE;
        }
        if (outstanding.signum() == 0) {
            return State.PAID;
        }
        return today.isAfter(dueOn) ? State.OVERDUE : State.OPEN;
    }
}
