package cn.liftcare.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

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

    static Arbitrary<List<Op>> operations(int maxSize) {
        return op().list().ofMinSize(1).ofMaxSize(maxSize);
    }

    @SuppressWarnings("unchecked")
    static Arbitrary<Op> op() {
        Arbitrary<Integer> account = Arbitraries.integers().between(0, ACCOUNTS - 1);
        Arbitrary<Long> fen = Arbitraries.longs().between(1, 100_000_000L); // up to a million yuan a line
        Arbitrary<Integer> day = Arbitraries.integers().between(0, DAYS - 1);
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 1_000);
        Arbitrary<Post> post = Combinators.combine(
                Combinators.combine(account, fen).as(Line::new).list().ofMinSize(1).ofMaxSize(3),
                Combinators.combine(account, Arbitraries.integers().between(1, 100)).as(Share::new).list()
                        .ofMinSize(1).ofMaxSize(3),
                day).as(Post::new);
        Arbitrary<Reverse> reverse = Combinators.combine(pick, day).as(Reverse::new);
        Arbitrary<Repost> repost = pick.map(Repost::new);
        Arbitrary<ReuseKey> reuse = Combinators.combine(pick, Arbitraries.longs().between(1, 10_000)).as(ReuseKey::new);
        return Arbitraries.frequencyOf(Tuple.of(6, post), Tuple.of(2, reverse), Tuple.of(2, repost),
                Tuple.of(1, reuse));
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
