package cn.liftcare.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.liftcare.shared.Money;

/** A posted entry as read back and audited. */
public record JournalEntryView(long id, String idempotencyKey, String description, LocalDate effectiveOn,
        Instant recordedAt, String recordedBy, Long reversesId, List<Line> lines) {

    public record Line(int line, String accountCode, Money debit, Money credit) {
    }
}
