package cn.liftcare.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liftcare.shared.Money;
import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.support.LiftCareTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The journal balances, never changes, posts each fact once, and its balances are sums. */
@LiftCareTest
class LedgerIT {

    static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    @Autowired Ledger ledger;
    @Autowired Books books;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired cn.liftcare.support.DemoUsers users;

    /** An insurer and a payer of this test alone, so the books it reads hold only its own entries. */
    long insurer;
    long payer;
    AccountRef receivable;
    AccountRef income;
    AccountRef cash;

    @BeforeEach
    void books() {
        insurer = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        payer = insurer + 1;
        receivable = new AccountRef(AccountPurpose.RECEIVABLE, insurer, payer, "MAINTENANCE_FUND");
        income = AccountRef.of(AccountPurpose.PREMIUM_INCOME, insurer, null);
        cash = AccountRef.of(AccountPurpose.CASH, insurer, null);
    }

    static String key() {
        return "test:" + UUID.randomUUID();
    }

    NewEntry invoice(String key, String yuan, LocalDate on) {
        return new NewEntry(key, "保费发票", on, List.of(Posting.debit(receivable, Money.of(yuan)),
                Posting.credit(income, Money.of(yuan))));
    }

    @Test
    void balancesAreTheSumsOfTheLinesOnTheirNormalSide() {
        ledger.post(invoice(key(), "9400.00", DAY));
        ledger.post(new NewEntry(key(), "收款", DAY.plusDays(10), List.of(Posting.debit(cash, Money.of("2820.00")),
                Posting.credit(receivable, Money.of("2820.00")))));

        assertThat(ledger.balance(receivable, DAY.plusDays(30))).isEqualTo(Money.of("6580.00"));
        assertThat(ledger.balance(income, DAY.plusDays(30))).as("income is credit-normal").isEqualTo(Money.of("9400.00"));
        assertThat(ledger.balance(receivable, DAY.plusDays(5))).as("as of a date before the payment")
                .isEqualTo(Money.of("9400.00"));
        Books.TrialBalance trial = books.trialBalance(DAY.plusDays(30), insurer);
        assertThat(trial.balanced()).isTrue();
        assertThat(trial.totalDebits()).isEqualTo(Money.of("12220.00"));
        assertThat(trial.rows()).extracting(Books.TrialBalanceRow::accountCode)
                .containsExactlyInAnyOrder(receivable.code(), income.code(), cash.code());
        assertThat(books.trialBalance(LocalDate.of(2000, 1, 1), null).balanced()).isTrue();
    }

    @Test
    void anUnbalancedOrOneSidedEntryIsRefusedAndNothingIsWritten() {
        String key = key();
        assertThatThrownBy(() -> ledger.post(new NewEntry(key, "错账", DAY, List.of(
                Posting.debit(receivable, Money.of("100.00")), Posting.credit(income, Money.of("99.99"))))))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> assertThat(e.violations())
                        .anySatisfy(v -> assertThat(v.messageKey()).isEqualTo("ledger.unbalanced")));
        assertThatThrownBy(() -> ledger.post(new NewEntry(key, "双边", DAY, List.of(
                new Posting(receivable, Money.of("1.00"), Money.of("1.00")), Posting.credit(income, Money.ZERO)))))
                .isInstanceOf(ValidationFailedException.class);
        assertThat(ledger.byKey(key)).isEmpty();
    }

    @Test
    void theSameFactPostedAgainIsTheSameEntryAndAKeyReusedForAnotherIsRefused() throws Exception {
        String key = key();
        JournalEntryView first = ledger.post(invoice(key, "500.00", DAY));
        assertThat(ledger.post(invoice(key, "500.00", DAY)).id()).isEqualTo(first.id());
        assertThatThrownBy(() -> ledger.post(invoice(key, "600.00", DAY)))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.rule()).isEqualTo("idempotency-key-reused"));

        // retries racing each other still post once
        String raced = key();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Long> post = () -> ledger.post(invoice(raced, "77.00", DAY)).id();
            List<Future<Long>> results = pool.invokeAll(List.of(post, post, post, post));
            long id = results.get(0).get();
            for (Future<Long> r : results) {
                assertThat(r.get()).isEqualTo(id);
            }
        }
        finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM journal_entry WHERE idempotency_key = :k").param("k", raced)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(ledger.balance(receivable, DAY)).isEqualTo(Money.of("577.00"));
    }

    @Test
    void aCorrectionIsAReversalAndAnEntryIsReversedOnce() {
        JournalEntryView wrong = ledger.post(invoice(key(), "1000.00", DAY));
        String key = key();
        JournalEntryView reversal = ledger.reverse(wrong.id(), key, "金额有误", DAY.plusDays(1));
        assertThat(reversal.reversesId()).isEqualTo(wrong.id());
        assertThat(reversal.lines()).allSatisfy(l -> assertThat(l.debit().signum() + l.credit().signum()).isEqualTo(1));
        assertThat(ledger.balance(receivable, DAY)).isEqualTo(Money.of("1000.00"));
        assertThat(ledger.balance(receivable, DAY.plusDays(1))).isEqualTo(Money.ZERO);
        assertThat(ledger.reverse(wrong.id(), key, "金额有误", DAY.plusDays(1)).id()).as("a retry").isEqualTo(reversal.id());
        assertThatThrownBy(() -> ledger.reverse(wrong.id(), key(), "再冲一次", DAY.plusDays(2)))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.rule()).isEqualTo("entry-already-reversed"));
        assertThatThrownBy(() -> ledger.reverse(wrong.id(), key(), " ", DAY.plusDays(2)))
                .as("a reversal says why").isInstanceOf(ValidationFailedException.class);
        // the original still stands, as posted
        assertThat(ledger.find(wrong.id()).orElseThrow().lines()).isEqualTo(wrong.lines());
    }

    @Test
    void theDatabaseRefusesRewritesAndUnbalancedEntriesFromAnyPath() {
        JournalEntryView entry = ledger.post(invoice(key(), "10.00", DAY));
        assertThatThrownBy(() -> jdbc.sql("UPDATE journal_line SET debit = 11 WHERE entry_id = :id AND debit > 0")
                .param("id", entry.id()).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM journal_entry WHERE id = :id").param("id", entry.id()).update())
                .hasMessageContaining("append-only");
        long account = jdbc.sql("SELECT id FROM ledger_account WHERE code = :c").param("c", receivable.code())
                .query(Long.class).single();
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            long id = jdbc.sql("""
                    INSERT INTO journal_entry (idempotency_key, description, effective_on, recorded_at, recorded_by, fingerprint)
                    VALUES (:k, 'behind the back', DATE '2026-03-01', now(), 'sql', 'x') RETURNING id""")
                    .param("k", key()).query(Long.class).single();
            jdbc.sql("INSERT INTO journal_line (entry_id, line, account_id, debit, credit) VALUES (:id, 0, :a, 5, 0)")
                    .param("id", id).param("a", account).update();
        })).rootCause().hasMessageContaining("does not balance");
        assertThat(ledger.balance(receivable, DAY)).isEqualTo(Money.of("10.00"));
    }

    @Test
    void everyEntryIsInTheAuditChain() {
        JournalEntryView entry = ledger.post(invoice(key(), "42.00", DAY));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE entity_type = 'journal_entry' AND entity_id = :id")
                .param("id", String.valueOf(entry.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aStatementRunsFromTheOpeningBalanceOverHalfOpenDates() {
        ledger.post(invoice(key(), "300.00", DAY.minusDays(1)));
        ledger.post(invoice(key(), "200.00", DAY));
        ledger.post(new NewEntry(key(), "收款", DAY.plusDays(5), List.of(Posting.debit(cash, Money.of("450.00")),
                Posting.credit(receivable, Money.of("450.00")))));
        ledger.post(invoice(key(), "999.00", DAY.plusDays(10)));

        Books.Statement statement = books.statement(receivable, DAY, DAY.plusDays(10));
        assertThat(statement.opening()).isEqualTo(Money.of("300.00"));
        assertThat(statement.lines()).extracting(Books.StatementLine::balance)
                .containsExactly(Money.of("500.00"), Money.of("50.00"));
        assertThat(statement.closing()).isEqualTo(Money.of("50.00"));
    }

    @Test
    void anInsurerSeesItsOwnBooksTheRegulatorAllAndOthersNone() throws Exception {
        long insurerOrg = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'insurer'").query(Long.class).single();
        AccountRef own = AccountRef.of(AccountPurpose.PREMIUM_INCOME, insurerOrg, null);
        AccountRef ownCash = AccountRef.of(AccountPurpose.CASH, insurerOrg, null);
        ledger.post(new NewEntry(key(), "保费收入", DAY, List.of(Posting.debit(ownCash, Money.of("123.45")),
                Posting.credit(own, Money.of("123.45")))));
        ledger.post(invoice(key(), "999.99", DAY));
        var get = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/ledger/trial-balance")
                .param("asOf", DAY.toString());
        String mine = mvc.perform(get.with(users.as("insurer"))).andReturn().getResponse().getContentAsString();
        assertThat(mine).contains(own.code()).doesNotContain(income.code()).contains("\"balanced\":true");
        String all = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/v1/ledger/trial-balance").param("asOf", DAY.toString()).with(users.as("regulator")))
                .andReturn().getResponse().getContentAsString();
        assertThat(all).contains(own.code(), income.code());
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/v1/ledger/trial-balance").with(users.as("property"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        var bad = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/v1/ledger/trial-balance").param("asOf", "31/03/2026").with(users.as("regulator")))
                .andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString()).contains("\"asOf\"");
    }
}
