package cn.liftcare.ledger;

import java.time.LocalDate;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import cn.liftcare.ledger.JournalModel.Earlier;
import cn.liftcare.ledger.JournalModel.Outcome;
import cn.liftcare.ledger.JournalModel.Refused;
import cn.liftcare.ledger.JournalModel.Written;
import cn.liftcare.ledger.JournalOperations.Op;
import cn.liftcare.ledger.JournalOperations.Post;
import cn.liftcare.ledger.JournalOperations.Repost;
import cn.liftcare.ledger.JournalOperations.ReuseKey;
import cn.liftcare.ledger.JournalOperations.Reverse;
import cn.liftcare.shared.Money;
import cn.liftcare.shared.ValidationFailedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ledger's rules as properties, without a database: random work on the in-memory journal (which decides with
 * the Ledger's own check and fingerprint) keeps debits equal to credits and balances equal to the sums of lines,
 * and a retry under the same key writes nothing. {@code LedgerPropertiesIT} runs the same work on the real Ledger.
 */
class LedgerPropertiesTest {

    static final long OWNER = 7;
    static final List<AccountRef> ACCOUNTS = JournalOperations.accounts(OWNER);
    static final LocalDate LAST_DAY = JournalOperations.DAY_ONE.plusDays(JournalOperations.DAYS);

    @Provide
    Arbitrary<List<Op>> work() {
        return JournalOperations.operations(40);
    }

    @Provide
    Arbitrary<Post> posts() {
        return JournalOperations.op().filter(Post.class::isInstance).map(Post.class::cast);
    }

    @Property(tries = 500)
    void randomWorkKeepsTheJournalBalancedAndBalancesAreSumsOfLines(@ForAll("work") List<Op> work) {
        JournalModel journal = new JournalModel();
        int written = 0;
        for (int i = 0; i < work.size(); i++) {
            Op op = work.get(i);
            int before = journal.entries().size();
            Outcome outcome = apply(journal, op, "op" + i);
            if (outcome instanceof Written) {
                written++;
                assertThat(journal.entries()).hasSize(before + 1);
            }
            else {
                assertThat(journal.entries()).as("%s writes nothing", op).hasSize(before);
            }
            if (op instanceof Repost r && before > 0) {
                assertThat(outcome).as("a retry answers with the first entry").isEqualTo(new Earlier(r.pick() % before));
            }
            if (op instanceof ReuseKey && before > 0) {
                assertThat(outcome).isEqualTo(new Refused("idempotency-key-reused"));
            }
        }
        assertThat(journal.entries()).hasSize(written);
        assertThat(journal.totalDebits()).isEqualTo(journal.totalCredits());

        // the accounting equation: what sits on the debit side equals what sits on the credit side
        Money debitSide = Money.ZERO;
        Money creditSide = Money.ZERO;
        Money allDebits = Money.ZERO;
        for (AccountRef account : ACCOUNTS) {
            Money balance = journal.balance(account, LAST_DAY);
            Money net = journal.debits(account, LAST_DAY).minus(journal.credits(account, LAST_DAY));
            assertThat(balance).isEqualTo(account.purpose().kind().debitNormal() ? net : net.negate());
            if (account.purpose().kind().debitNormal()) {
                debitSide = debitSide.plus(balance);
            }
            else {
                creditSide = creditSide.plus(balance);
            }
            allDebits = allDebits.plus(journal.debits(account, LAST_DAY));
        }
        assertThat(debitSide).isEqualTo(creditSide);
        assertThat(allDebits).as("every line is on one of the accounts").isEqualTo(journal.totalDebits());

        // an entry and its reversal cancel out on every account
        for (JournalModel.Entry e : journal.entries()) {
            if (e.reverses() != null) {
                JournalModel.Entry original = journal.entries().get(e.reverses());
                for (AccountRef account : ACCOUNTS) {
                    assertThat(net(e, account).plus(net(original, account))).isEqualTo(Money.ZERO);
                }
            }
        }
    }

    /** Applies one operation; keys are made from the operation's position, as in the IT. */
    static Outcome apply(JournalModel journal, Op op, String key) {
        List<JournalModel.Entry> entries = journal.entries();
        if (op instanceof Post p) {
            return journal.post(JournalOperations.entry(p, ACCOUNTS, key));
        }
        if (entries.isEmpty()) {
            return new Refused("nothing yet");
        }
        if (op instanceof Reverse r) {
            return journal.reverse(r.pick() % entries.size(), key, JournalOperations.REASON,
                    JournalOperations.DAY_ONE.plusDays(r.day()));
        }
        if (op instanceof Repost r) {
            JournalModel.Entry e = entries.get(r.pick() % entries.size());
            return e.reverses() == null ? journal.post(e.entry())
                    : journal.reverse(e.reverses(), e.entry().idempotencyKey(), JournalOperations.REASON,
                            e.entry().effectiveOn());
        }
        ReuseKey r = (ReuseKey) op;
        return journal.post(JournalOperations.otherAmounts(entries.get(r.pick() % entries.size()).entry(), r.extraFen()));
    }

    private static Money net(JournalModel.Entry e, AccountRef account) {
        Money net = Money.ZERO;
        for (Posting p : e.entry().postings()) {
            if (p.account().equals(account)) {
                net = net.plus(p.debit()).minus(p.credit());
            }
        }
        return net;
    }

    @Property(tries = 300)
    void everyEntryDrawnPassesTheLedgersCheckAndOneFenOffDoesNot(@ForAll("posts") Post post,
            @ForAll @LongRange(min = 1, max = 100) long fen) {
        NewEntry entry = JournalOperations.entry(post, ACCOUNTS, "k");
        Ledger.check(entry);
        List<Posting> postings = new java.util.ArrayList<>(entry.postings());
        Posting last = postings.remove(postings.size() - 1);
        postings.add(Posting.credit(last.account(), last.credit().plus(Money.ofFen(fen))));
        assertThatThrownBy(() -> Ledger.check(new NewEntry("k", "错账", entry.effectiveOn(), postings)))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> assertThat(e.violations())
                        .anySatisfy(v -> assertThat(v.messageKey()).isEqualTo("ledger.unbalanced")));
    }

    @Property(tries = 300)
    void theFingerprintTellsARetryFromOtherAmounts(@ForAll("posts") Post post,
            @ForAll @LongRange(min = 1, max = 1_000_000) long extra) {
        NewEntry entry = JournalOperations.entry(post, ACCOUNTS, "k");
        NewEntry retried = new NewEntry("k", "另一个摘要", entry.effectiveOn(), entry.postings());
        assertThat(Ledger.fingerprint(retried, null)).as("the lines, not the words").isEqualTo(Ledger.fingerprint(entry, null));
        assertThat(Ledger.fingerprint(JournalOperations.otherAmounts(entry, extra), null))
                .isNotEqualTo(Ledger.fingerprint(entry, null));
        assertThat(Ledger.fingerprint(entry, 1L)).as("a reversal is another fact").isNotEqualTo(Ledger.fingerprint(entry, null));
    }

    @Provide
    Arbitrary<AccountRef> references() {
        return Combinators.combine(Arbitraries.of(AccountPurpose.class),
                Arbitraries.longs().between(1, Long.MAX_VALUE).injectNull(0.3),
                Arbitraries.longs().between(1, Long.MAX_VALUE).injectNull(0.3),
                Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_").ofMinLength(1).ofMaxLength(32)
                        .injectNull(0.5))
                .as(AccountRef::new);
    }

    @Property(tries = 500)
    void anAccountCodeNamesItsReference(@ForAll("references") AccountRef account) {
        assertThat(AccountRef.parse(account.code())).isEqualTo(account);
    }
}
