package cn.liftcare.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import java.util.Random;

import cn.liftcare.shared.Money;

/**
 * Random work for the journal, for the property tests: balanced entries over a few accounts with amounts to the
 * fen, reversals of earlier entries, retries of earlier entries under their own key, and earlier keys reused for
 * other amounts. Earlier entries are picked by a number taken modulo how many there are by then.
 */
final class JournalOperations {

    /** The first effective date; entries fall on it and the 59 days after. */
    static final LocalDate DAY_ONE = LocalDate.of(2026, 1, 1);
    static final int DAYS = 60;
    static final String REASON = "随机冲销";

    private JournalOperations() {
    }

    sealed interface Op {
    }

    /** An amount on one of the accounts, by index. */
    record Line(int account, long fen) {
    }

    /** A credit's share of the entry's total, by weight. */
    record Share(int account, int weight) {
    }

    /** A new entry: its debits, and its credits as shares of the same total. */
    record Post(List<Line> debits, List<Share> credits, int day) implements Op {
    }

    /** Reverse an earlier entry (one already reversed must be refused). */
    record Reverse(int pick, int day) implements Op {
    }

    /** Post an earlier entry again, with its own key: the first entry comes back, and nothing new is written. */
    record Repost(int pick) implements Op {
    }

    /** Post other amounts under an earlier entry's key: refused, and nothing is written. */
    record ReuseKey(int pick, long extraFen) implements Op {
    }

    /** The accounts of one owner's books the operations post to: one of each kind but equity, two with parties. */
    static List<AccountRef> accounts(long owner) {
        return List.of(AccountRef.of(AccountPurpose.CASH, owner, null),
                new AccountRef(AccountPurpose.RECEIVABLE, owner, owner + 1, "MAINTENANCE_FUND"),
                AccountRef.of(AccountPurpose.PREMIUM_INCOME, owner, null),
                AccountRef.of(AccountPurpose.CLAIMS_PAYABLE, owner, owner + 2),
                AccountRef.of(AccountPurpose.CLAIMS_EXPENSE, owner, null));
    }

    static final int ACCOUNTS = 5;

    /** One to {@code maxSize} operations, drawn from a seeded generator so a failure names its seed. */
    static List<Op> operations(Random random, int maxSize) {
        int size = 1 + random.nextInt(maxSize);
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ops.add(op(random));
        }
        return ops;
    }

    /** Posts six times in eleven, reversals and retries twice each, reused keys once. */
    static Op op(Random random) {
        int roll = random.nextInt(11);
        if (roll < 6) {
            return post(random);
        }
        int pick = random.nextInt(1_001);
        if (roll < 8) {
            return new Reverse(pick, random.nextInt(DAYS));
        }
        if (roll < 10) {
            return new Repost(pick);
        }
        return new ReuseKey(pick, 1 + random.nextInt(10_000));
    }

    static Post post(Random random) {
        List<Line> debits = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            debits.add(new Line(random.nextInt(ACCOUNTS), 1 + (long) (random.nextDouble() * 100_000_000L)));
        }
        List<Share> credits = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            credits.add(new Share(random.nextInt(ACCOUNTS), 1 + random.nextInt(100)));
        }
        return new Post(debits, credits, random.nextInt(DAYS));
    }

    /** The entry a Post stands for: its debits as drawn, and their total split over the credits by weight. */
    static NewEntry entry(Post post, List<AccountRef> accounts, String key) {
        List<Posting> postings = new ArrayList<>();
        long total = 0;
        for (Line d : post.debits()) {
            postings.add(Posting.debit(accounts.get(d.account()), Money.ofFen(d.fen())));
            total += d.fen();
        }
        long weights = post.credits().stream().mapToLong(Share::weight).sum();
        long remaining = total;
        for (int i = 0; i < post.credits().size() - 1; i++) {
            Share share = post.credits().get(i);
            long part = total * share.weight() / weights;
            if (part > 0 && part < remaining) {
                postings.add(Posting.credit(accounts.get(share.account()), Money.ofFen(part)));
                remaining -= part;
            }
        }
        Share last = post.credits().get(post.credits().size() - 1);
        postings.add(Posting.credit(accounts.get(last.account()), Money.ofFen(remaining)));
        return new NewEntry(key, "随机分录", DAY_ONE.plusDays(post.day()), postings);
    }

    /** The same entry with its first debit and first credit each {@code extraFen} larger: balanced, but another entry. */
    static NewEntry otherAmounts(NewEntry entry, long extraFen) {
        List<Posting> postings = new ArrayList<>();
        boolean debitDone = false;
        boolean creditDone = false;
        Money extra = Money.ofFen(extraFen);
        for (Posting p : entry.postings()) {
            if (!debitDone && p.debit().signum() > 0) {
                postings.add(Posting.debit(p.account(), p.debit().plus(extra)));
                debitDone = true;
            }
            else if (!creditDone && p.credit().signum() > 0) {
                postings.add(Posting.credit(p.account(), p.credit().plus(extra)));
                creditDone = true;
            }
            else {
                postings.add(p);
            }
        }
        return new NewEntry(entry.idempotencyKey(), entry.description(), entry.effectiveOn(), postings);
    }
}
