package cn.liftcare.ledger;

import java.time.LocalDate;
import java.util.List;

import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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

    /** Each try is a seed: the generated work is the same on every run, and a failure names the seed to replay. */
    static LongStream seeds500() {
        return LongStream.range(0, 500);
    }

    static LongStream seeds300() {
        return LongStream.range(1_000, 1_300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds500")
    void randomWorkKeepsTheJournalBalancedAndBalancesAreSumsOfLines(long seed) {
        List<Op> work = JournalOperations.operations(new Random(seed), 40);
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

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds300")
    void everyEntryDrawnPassesTheLedgersCheckAndOneFenOffDoesNot(long seed) {
        Random random = new Random(seed);
        Post post = JournalOperations.post(random);
        long fen = 1 + random.nextInt(100);
        NewEntry entry = JournalOperations.entry(post, ACCOUNTS, "k");
        Ledger.check(entry);
        List<Posting> postings = new java.util.ArrayList<>(entry.postings());
        Posting last = postings.remove(postings.size() - 1);
        postings.add(Posting.credit(last.account(), last.credit().plus(Money.ofFen(fen))));
        assertThatThrownBy(() -> Ledger.check(new NewEntry("k", "错账", entry.effectiveOn(), postings)))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> assertThat(e.violations())
                        .anySatisfy(v -> assertThat(v.messageKey()).isEqualTo("ledger.unbalanced")));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds300")
    void theFingerprintTellsARetryFromOtherAmounts(long seed) {
        Random random = new Random(seed);
        Post post = JournalOperations.post(random);
        long extra = 1 + random.nextInt(1_000_000);
        NewEntry entry = JournalOperations.entry(post, ACCOUNTS, "k");
        NewEntry retried = new NewEntry("k", "另一个摘要", entry.effectiveOn(), entry.postings());
        assertThat(Ledger.fingerprint(retried, null)).as("the lines, not the words").isEqualTo(Ledger.fingerprint(entry, null));
        assertThat(Ledger.fingerprint(JournalOperations.otherAmounts(entry, extra), null))
                .isNotEqualTo(Ledger.fingerprint(entry, null));
        assertThat(Ledger.fingerprint(entry, 1L)).as("a reversal is another fact").isNotEqualTo(Ledger.fingerprint(entry, null));
    }

    static AccountRef reference(Random random) {
        AccountPurpose purpose = AccountPurpose.values()[random.nextInt(AccountPurpose.values().length)];
        Long owner = random.nextInt(10) < 3 ? null : 1 + (random.nextLong() & Long.MAX_VALUE) % (Long.MAX_VALUE - 1);
        Long party = random.nextInt(10) < 3 ? null : 1 + (random.nextLong() & Long.MAX_VALUE) % (Long.MAX_VALUE - 1);
        String qualifier = null;
        if (random.nextBoolean()) {
            String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
            StringBuilder q = new StringBuilder();
            for (int i = 0, n = 1 + random.nextInt(32); i < n; i++) {
                q.append(chars.charAt(random.nextInt(chars.length())));
            }
            qualifier = q.toString();
        }
        return new AccountRef(purpose, owner, party, qualifier);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds500")
    void anAccountCodeNamesItsReference(long seed) {
        AccountRef account = reference(new Random(seed));
        assertThat(AccountRef.parse(account.code())).isEqualTo(account);
    }
}
