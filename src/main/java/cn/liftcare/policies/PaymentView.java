package cn.liftcare.policies;

import java.time.Instant;
import java.time.LocalDate;

import cn.liftcare.shared.Money;

/** Money received against an invoice, or refunded against a credit note, and the journal entry that moved it. */
public record PaymentView(long id, long invoiceId, Money amount, LocalDate paidOn, String reference,
        String idempotencyKey, long journalEntryId, Instant recordedAt) {
}
