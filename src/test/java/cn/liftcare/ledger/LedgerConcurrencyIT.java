package cn.liftcare.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liftcare.shared.Money;
import cn.liftcare.support.LiftCareTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Retries racing each other post once: the unique key and INSERT … ON CONFLICT DO NOTHING settle it. */
@LiftCareTest
class LedgerConcurrencyIT {

    static final int CALLERS = 50;

    @Autowired Ledger ledger;
    @Autowired JdbcClient jdbc;

    @Test
    void fiftyIdenticalPostsAtOnceMakeOneEntryAndEveryCallerGetsIt() throws Exception {
        long insurer = ThreadLocalRandom.current().nextLong(5_000_000_000L, 6_000_000_000L);
        AccountRef receivable = new AccountRef(AccountPurpose.RECEIVABLE, insurer, insurer + 1, "MAINTENANCE_FUND");
        AccountRef income = AccountRef.of(AccountPurpose.PREMIUM_INCOME, insurer, null);
        String key = "invoice:" + UUID.randomUUID();
        NewEntry invoice = new NewEntry(key, "保费发票", LocalDate.of(2026, 3, 1), List.of(
                Posting.debit(receivable, Money.of("9400.00")), Posting.credit(income, Money.of("9400.00"))));

        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        CountDownLatch ready = new CountDownLatch(CALLERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Long>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < CALLERS; i++) {
                calls.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return ledger.post(invoice).id();
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            Set<Long> ids = new HashSet<>();
            for (Future<Long> call : calls) {
                ids.add(call.get(90, TimeUnit.SECONDS));
            }
            assertThat(ids).as("every caller gets the same entry").hasSize(1);
            long id = ids.iterator().next();
            assertThat(jdbc.sql("SELECT count(*) FROM journal_entry WHERE idempotency_key = :k").param("k", key)
                    .query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT count(*) FROM journal_line WHERE entry_id = :id").param("id", id)
                    .query(Long.class).single()).isEqualTo(2);
            assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE entity_type = 'journal_entry' AND entity_id = :id")
                    .param("id", String.valueOf(id)).query(Long.class).single()).as("audited once").isEqualTo(1);
            assertThat(ledger.balance(receivable, LocalDate.of(2026, 3, 31))).isEqualTo(Money.of("9400.00"));
        }
        finally {
            pool.shutdownNow();
        }
    }
}
