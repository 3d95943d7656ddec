package cn.liftcare.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.liftcare.shared.Money;

/**
 * The journal in memory, as the property tests expect the real one to behave: an entry under a new key is
 * written; the same entry under its key again is the first one; other lines under a used key are refused; an
 * entry is reversed at most once. It takes its decisions with the Ledger's own check and fingerprint, and keeps
 * only the lines: every figure it answers is a sum of them. Entries are known by their position.
 */
final class JournalModel {

    record Entry(int index, NewEntry entry, Integer reverses, String fingerprint) {
    }

    /** What an operation did: wrote a new entry, answered with an earlier one, or was refused by a rule. */
    sealed interface Outcome {
    }

    record Written(int index) implements Outcome {
    }

    record Earlier(int index) implements Outcome {
    }

    record Refused(String rule) implements Outcome {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Integer> byKey = new HashMap<>();
    private final Map<Integer, Integer> reversedBy = new HashMap<>();

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    Outcome post(NewEntry entry) {
        Ledger.check(entry);
        return write(entry, null);
    }

    Outcome reverse(int index, String key, String reason, LocalDate on) {
        Entry original = entries.get(index);
        List<Posting> mirror = new ArrayList<>();
        for (Posting p : original.entry().postings()) {
            mirror.add(new Posting(p.account(), p.credit(), p.debit()));
        }
        NewEntry reversal = new NewEntry(key, "冲销 #" + index + ": " + reason, on, mirror);
        Ledger.check(reversal);
        Integer already = reversedBy.get(index);
        if (already != null && !already.equals(byKey.get(key))) {
            return new Refused("entry-already-reversed");
        }
        return write(reversal, index);
    }

    private Outcome write(NewEntry entry, Integer reverses) {
        String fingerprint = Ledger.fingerprint(entry, reverses == null ? null : (long) reverses);
        Integer earlier = byKey.get(entry.idempotencyKey());
        if (earlier != null) {
            return entries.get(earlier).fingerprint().equals(fingerprint) ? new Earlier(earlier)
                    : new Refused("idempotency-key-reused");
        }
        Entry written = new Entry(entries.size(), entry, reverses, fingerprint);
        entries.add(written);
        byKey.put(entry.idempotencyKey(), written.index());
        if (reverses != null) {
            reversedBy.put(reverses, written.index());
        }
        return new Written(written.index());
    }

    /** The debits (or credits) posted to an account with effective dates up to and including a day. */
    Money debits(AccountRef account, LocalDate asOf) {
        return sum(account, asOf, true);
    }

    Money credits(AccountRef account, LocalDate asOf) {
        return sum(account, asOf, false);
    }

    /** The account's balance on its normal side: the sum of its lines. */
    Money balance(AccountRef account, LocalDate asOf) {
        Money net = debits(account, asOf).minus(credits(account, asOf));
        return account.purpose().kind().debitNormal() ? net : net.negate();
    }

    Money totalDebits() {
        return entries.stream().flatMap(e -> e.entry().postings().stream()).map(Posting::debit)
                .reduce(Money.ZERO, Money::plus);
    }

    Money totalCredits() {
        return entries.stream().flatMap(e -> e.entry().postings().stream()).map(Posting::credit)
                .reduce(Money.ZERO, Money::plus);
    }

    private Money sum(AccountRef account, LocalDate asOf, boolean debit) {
        Money sum = Money.ZERO;
        for (Entry e : entries) {
            if (e.entry().effectiveOn().isAfter(asOf)) {
                continue;
            }
            for (Posting p : e.entry().postings()) {
                if (p.account().equals(account)) {
                    sum = sum.plus(debit ? p.debit() : p.credit());
                }
            }
        }
        return sum;
    }
}
