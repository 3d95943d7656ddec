package cn.liftcare.ledger;

import java.time.LocalDate;
import java.util.List;

/**
 * A money movement to post. The idempotency key names the business fact (for example
 * {@code claim:17:payout}), so a retry or a replayed event posts nothing twice.
 */
public record NewEntry(String idempotencyKey, String description, LocalDate effectiveOn, List<Posting> postings) {

    public NewEntry {
        postings = List.copyOf(postings);
    }
}
