package cn.liftcare.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;


import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

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
import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.support.LiftCareTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ledger's properties on the real thing: random work posted through {@link Ledger} to PostgreSQL, each try in
 * books of its own, agrees at every step with the in-memory journal of {@link LedgerPropertiesTest}, and leaves
 * debits equal to credits, every balance equal to the sum of its lines, and one entry per key.

 */
@LiftCareTest
class LedgerPropertiesIT {

    static final AtomicLong OWNERS = new AtomicLong(ThreadLocalRandom.current().nextLong(3_000_000_000L, 4_000_000_000L));
    static final LocalDate FAR = LocalDate.of(2100, 1, 1);

    @Autowired Ledger ledger;
    @Autowired Books books;
    @Autowired JdbcClient jdbc;

    static java.util.stream.LongStream seeds() {
        return java.util.stream.LongStream.range(0, 30);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "seed {0}")
    @org.junit.jupiter.params.provider.MethodSource("seeds")
    void randomWorkOnTheRealLedgerMatchesTheModelAndKeepsTheBooksBalanced(long seed) {
        java.util.Random random = new java.util.Random(seed);
        List<Op> work = JournalOperations.operations(random, 15);
        int checkDay = random.nextInt(JournalOperations.DAYS + 1);
        long owner = OWNERS.addAndGet(10);
        List<AccountRef> accounts = JournalOperations.accounts(owner);
        String prefix = "prop:" + UUID.randomUUID() + ":";
        JournalModel model = new JournalModel();
        List<Long> ids = new ArrayList<>(); // the real id of each of the model's entries, by position

        for (int i = 0; i < work.size(); i++) {
            Op op = work.get(i);
            List<JournalModel.Entry> entries = model.entries();
            String key = prefix + i;
            if (op instanceof Post p) {
                NewEntry entry = JournalOperations.entry(p, accounts, key);
                expect(model.post(entry), () -> ledger.post(entry), ids);
            }
            else if (entries.isEmpty()) {
                continue;
            }
            else if (op instanceof Reverse r) {
                int target = r.pick() % entries.size();
                LocalDate on = JournalOperations.DAY_ONE.plusDays(r.day());
                expect(model.reverse(target, key, JournalOperations.REASON, on),
                        () -> ledger.reverse(ids.get(target), key, JournalOperations.REASON, on), ids);
            }
            else if (op instanceof Repost r) {
                JournalModel.Entry e = entries.get(r.pick() % entries.size());
                if (e.reverses() == null) {
                    expect(model.post(e.entry()), () -> ledger.post(e.entry()), ids);
                }
                else {
                    expect(model.reverse(e.reverses(), e.entry().idempotencyKey(), JournalOperations.REASON,
                            e.entry().effectiveOn()), () -> ledger.reverse(ids.get(e.reverses()),
                            e.entry().idempotencyKey(), JournalOperations.REASON, e.entry().effectiveOn()), ids);
                }
            }
            else {
                ReuseKey r = (ReuseKey) op;
                NewEntry other = JournalOperations.otherAmounts(entries.get(r.pick() % entries.size()).entry(),
                        r.extraFen());
                expect(model.post(other), () -> ledger.post(other), ids);
            }
        }

        assertThat(jdbc.sql("SELECT count(*) FROM journal_entry WHERE idempotency_key LIKE :p")
                .param("p", prefix + "%").query(Long.class).single())
                .as("one entry per key, whatever was retried").isEqualTo(model.entries().size());
        Books.TrialBalance trial = books.trialBalance(FAR, owner);
        assertThat(trial.balanced()).isTrue();
        assertThat(trial.totalDebits()).isEqualTo(model.totalDebits()).isEqualTo(model.totalCredits());
        Map<String, Books.TrialBalanceRow> rows = new java.util.HashMap<>();
        trial.rows().forEach(r -> rows.put(r.accountCode(), r));
        LocalDate day = JournalOperations.DAY_ONE.plusDays(checkDay);
        for (AccountRef account : accounts) {
            Money balance = ledger.balance(account, FAR);
            assertThat(balance).as("%s", account.code()).isEqualTo(model.balance(account, FAR));
            assertThat(ledger.balance(account, day)).as("%s on %s", account.code(), day)
                    .isEqualTo(model.balance(account, day));
            Books.Statement statement = books.statement(account, JournalOperations.DAY_ONE.minusDays(1), FAR);
            Money lines = statement.lines().stream().map(l -> account.purpose().kind().debitNormal()
                    ? l.debit().minus(l.credit()) : l.credit().minus(l.debit())).reduce(Money.ZERO, Money::plus);
            assertThat(statement.opening()).isEqualTo(Money.ZERO);
            assertThat(lines).as("the balance of %s is the sum of its lines", account.code()).isEqualTo(balance);
            assertThat(statement.closing()).isEqualTo(balance);
            Books.TrialBalanceRow row = rows.get(account.code());
            if (row != null) {
                assertThat(row.debits()).isEqualTo(model.debits(account, FAR));
                assertThat(row.credits()).isEqualTo(model.credits(account, FAR));
                assertThat(row.balance()).isEqualTo(balance);
            }
            else {
                assertThat(model.debits(account, FAR).plus(model.credits(account, FAR))).isEqualTo(Money.ZERO);
            }
        }
    }

    /** The real ledger does what the model says: writes a new entry, answers with the earlier one, or refuses. */
    private static void expect(Outcome expected, java.util.function.Supplier<JournalEntryView> real, List<Long> ids) {
        if (expected instanceof Refused refused) {
            assertThatThrownBy(real::get).isInstanceOfSatisfying(RuleViolationException.class,
                    e -> assertThat(e.rule()).isEqualTo(refused.rule()));
        }
        else if (expected instanceof Earlier earlier) {
            assertThat(real.get().id()).as("a retry answers with the first entry").isEqualTo(ids.get(earlier.index()));
        }
        else {
            JournalEntryView view = real.get();
            assertThat(ids).as("a new entry").doesNotContain(view.id());
            assertThat(((Written) expected).index()).isEqualTo(ids.size());
            ids.add(view.id());
        }
    }
}
