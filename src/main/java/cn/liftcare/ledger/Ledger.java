package cn.liftcare.ledger;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.shared.CurrentActor;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.Money;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.shared.Sha256;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/**
 * Posts balanced entries and reads the books. Posting is idempotent by key: the same entry posted again
 * answers with the first, and a key reused for different lines is refused. The database checks balance and
 * refuses updates too, so no other path can unbalance or rewrite the journal.
 */
@Service
public class Ledger {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final CurrentActor actor;
    private final LiftCareTime time;
    private final ApplicationEventPublisher events;

    Ledger(JdbcClient jdbc, JdbcTemplate batch, CurrentActor actor, LiftCareTime time, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.actor = actor;
        this.time = time;
        this.events = events;
    }

    @Transactional
    public JournalEntryView post(NewEntry entry) {
        check(entry);
        return write(entry, null);
    }

    /** Reverses a posted entry in full, on a date of its own; an entry is reversed at most once. */
    @Transactional
    public JournalEntryView reverse(long entryId, String idempotencyKey, String reason, LocalDate effectiveOn) {
        JournalEntryView original = find(entryId).orElseThrow(() -> new NotFoundException("journal entry", entryId));
        List<Posting> postings = new ArrayList<>();
        Map<String, AccountRef> refs = refs(original);
        for (JournalEntryView.Line line : original.lines()) {
            postings.add(new Posting(refs.get(line.accountCode()), line.credit(), line.debit()));
        }
        NewEntry reversal = new NewEntry(idempotencyKey, reason == null || reason.isBlank() ? null
                : "冲销 #" + entryId + ": " + reason.strip(), effectiveOn, postings);
        check(reversal);
        Long already = jdbc.sql("SELECT id FROM journal_entry WHERE reverses_id = :id").param("id", entryId)
                .query(Long.class).optional().orElse(null);
        if (already != null && !already.equals(byKey(idempotencyKey).map(JournalEntryView::id).orElse(null))) {
            throw new RuleViolationException("entry-already-reversed", "ledger.reversed", entryId, already);
        }
        return write(reversal, entryId);
    }

    private JournalEntryView write(NewEntry entry, Long reverses) {
        String fingerprint = fingerprint(entry, reverses);
        Instant recordedAt = time.now();
        String recordedBy = actor.get().username();
        Long id = jdbc.sql("""
                INSERT INTO journal_entry (idempotency_key, description, effective_on, recorded_at, recorded_by,
                                           reverses_id, fingerprint)
                VALUES (:key, :description, :effective, :at, :by, :reverses, :fingerprint)
                ON CONFLICT (idempotency_key) DO NOTHING RETURNING id""")
                .param("key", entry.idempotencyKey().strip()).param("description", entry.description().strip())
                .param("effective", Date.valueOf(entry.effectiveOn())).param("at", Timestamp.from(recordedAt))
                .param("by", recordedBy).param("reverses", reverses).param("fingerprint", fingerprint)
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            // posted before, or by a concurrent transaction that has now committed
            String earlier = jdbc.sql("SELECT fingerprint FROM journal_entry WHERE idempotency_key = :key")
                    .param("key", entry.idempotencyKey().strip()).query(String.class).single();
            if (!earlier.equals(fingerprint)) {
                throw new RuleViolationException("idempotency-key-reused", "ledger.keyReused", entry.idempotencyKey());
            }
            return byKey(entry.idempotencyKey()).orElseThrow();
        }
        Map<String, Long> accounts = accounts(entry.postings().stream().map(Posting::account).toList());
        List<Object[]> lines = new ArrayList<>();
        List<JournalEntryView.Line> written = new ArrayList<>();
        int n = 0;
        for (Posting p : entry.postings()) {
            written.add(new JournalEntryView.Line(n, p.account().code(), p.debit(), p.credit()));
            lines.add(new Object[] {id, n++, accounts.get(p.account().code()), p.debit().amount(), p.credit().amount()});
        }
        batch.batchUpdate("INSERT INTO journal_line (entry_id, line, account_id, debit, credit) VALUES (?, ?, ?, ?, ?)",
                lines, new int[] {Types.BIGINT, Types.INTEGER, Types.BIGINT, Types.NUMERIC, Types.NUMERIC});
        // what was written, as find(id) would read it back, without the round trip
        JournalEntryView view = new JournalEntryView(id, entry.idempotencyKey().strip(), entry.description().strip(),
                entry.effectiveOn(), recordedAt.truncatedTo(ChronoUnit.MICROS), recordedBy, reverses, List.copyOf(written));
        events.publishEvent(new JournalEntryPosted(null, view));
        return view;
    }

    /** The account's balance on a date, positive on its normal side (debit for assets and expenses). */
    public Money balance(AccountRef ref, LocalDate asOf) {
        BigDecimal net = jdbc.sql("""
                SELECT coalesce(sum(l.debit - l.credit), 0) FROM journal_line l
                JOIN journal_entry j ON j.id = l.entry_id JOIN ledger_account a ON a.id = l.account_id
                WHERE a.code = :code AND j.effective_on <= :asOf""")
                .param("code", ref.code()).param("asOf", Date.valueOf(asOf)).query(BigDecimal.class).single();
        Money balance = Money.of(net);
        return ref.purpose().kind().debitNormal() ? balance : balance.negate();
    }

    public Optional<JournalEntryView> find(long id) {
        return entries("j.id = :id", Map.of("id", id)).stream().findFirst();
    }

    public Optional<JournalEntryView> byKey(String key) {
        return entries("j.idempotency_key = :key", Map.of("key", key == null ? "" : key.strip())).stream().findFirst();
    }

    List<JournalEntryView> entries(String where, Map<String, ?> params) {
        Map<Long, JournalEntryView> entries = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT j.id, j.idempotency_key, j.description, j.effective_on, j.recorded_at, j.recorded_by, j.reverses_id,
                       l.line, a.code, l.debit, l.credit
                FROM journal_entry j JOIN journal_line l ON l.entry_id = j.id JOIN ledger_account a ON a.id = l.account_id
                WHERE """ + " " + where + " ORDER BY j.id, l.line")
                .params(params)
                .query((rs, i) -> entries.computeIfAbsent(rs.getLong(1), id -> {
                    try {
                        long reverses = rs.getLong(7);
                        return new JournalEntryView(id, rs.getString(2), rs.getString(3),
                                rs.getObject(4, LocalDate.class), rs.getTimestamp(5).toInstant(), rs.getString(6),
                                rs.wasNull() ? null : reverses, new ArrayList<>());
                    }
                    catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }).lines().add(new JournalEntryView.Line(rs.getInt(8), rs.getString(9), Money.of(rs.getBigDecimal(10)),
                        Money.of(rs.getBigDecimal(11)))))
                .list();
        return entries.values().stream().map(e -> new JournalEntryView(e.id(), e.idempotencyKey(), e.description(),
                e.effectiveOn(), e.recordedAt(), e.recordedBy(), e.reversesId(), List.copyOf(e.lines()))).toList();
    }

    /**
     * The ids of an entry's accounts by code, opening those named for the first time: one query when all are
     * open, three when some are new, however many lines the entry has.
     */
    private Map<String, Long> accounts(List<AccountRef> refs) {
        Map<String, AccountRef> byCode = new LinkedHashMap<>();
        refs.forEach(ref -> byCode.putIfAbsent(ref.code(), ref));
        Map<String, Long> ids = ids(byCode.keySet());
        List<AccountRef> missing = byCode.values().stream().filter(ref -> !ids.containsKey(ref.code())).toList();
        if (!missing.isEmpty()) {
            Timestamp at = Timestamp.from(time.now());
            batch.batchUpdate("""
                    INSERT INTO ledger_account (code, kind, purpose, owner_id, party_id, name, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING""",
                    missing.stream().map(ref -> new Object[] {ref.code(), ref.purpose().kind().name(),
                            ref.purpose().name(), ref.ownerId(), ref.partyId(), ref.code(), at}).toList(),
                    new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.VARCHAR,
                            Types.TIMESTAMP});
            ids.putAll(ids(missing.stream().map(AccountRef::code).toList()));
        }
        return ids;
    }

    private Map<String, Long> ids(java.util.Collection<String> codes) {
        Map<String, Long> ids = new LinkedHashMap<>();
        jdbc.sql("SELECT code, id FROM ledger_account WHERE code IN (:codes)").param("codes", codes)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> ids.put(e.getKey(), e.getValue()));
        return ids;
    }

    private Map<String, AccountRef> refs(JournalEntryView entry) {
        Map<String, AccountRef> refs = new LinkedHashMap<>();
        jdbc.sql("SELECT code, purpose, owner_id, party_id FROM ledger_account WHERE code IN (:codes)")
                .param("codes", entry.lines().stream().map(JournalEntryView.Line::accountCode).distinct().toList())
                .query((rs, i) -> {
                    String code = rs.getString(1);
                    String[] parts = code.split(":");
                    long owner = rs.getLong(3);
                    Long ownerId = rs.wasNull() ? null : owner;
                    long party = rs.getLong(4);
                    Long partyId = rs.wasNull() ? null : party;
                    return refs.put(code, new AccountRef(AccountPurpose.valueOf(rs.getString(2)), ownerId, partyId,
                            parts.length > 3 ? parts[3] : null));
                }).list();
        return refs;
    }

    /** Refuses an entry that is incomplete, one-sided on a line, or unbalanced to the fen. */
    static void check(NewEntry entry) {
        List<Violation> violations = new ArrayList<>();
        if (entry.idempotencyKey() == null || entry.idempotencyKey().isBlank() || entry.idempotencyKey().length() > 200) {
            violations.add(Violation.of("idempotencyKey", "ledger.key"));
        }
        if (entry.description() == null || entry.description().isBlank() || entry.description().length() > 300) {
            violations.add(Violation.of("description", "validation.required"));
        }
        if (entry.effectiveOn() == null) {
            violations.add(Violation.of("effectiveOn", "validation.required"));
        }
        if (entry.postings().size() < 2) {
            violations.add(Violation.of("postings", "ledger.lines"));
        }
        Money debits = Money.ZERO;
        Money credits = Money.ZERO;
        for (int i = 0; i < entry.postings().size(); i++) {
            Posting p = entry.postings().get(i);
            if (p.debit() == null || p.credit() == null || p.debit().isNegative() || p.credit().isNegative()
                    || (p.debit().signum() > 0) == (p.credit().signum() > 0)) {
                violations.add(Violation.of("postings[" + i + "]", "ledger.line.oneSide"));
                continue;
            }
            debits = debits.plus(p.debit());
            credits = credits.plus(p.credit());
        }
        if (debits.compareTo(credits) != 0) {
            violations.add(Violation.of("postings", "ledger.unbalanced", debits.toString(), credits.toString()));
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
    }

    /** The SHA-256 of what an entry posts, so a retry is told from another entry under the same key. */
    static String fingerprint(NewEntry entry, Long reverses) {
        StringBuilder canonical = new StringBuilder().append(entry.effectiveOn()).append('|').append(reverses);
        for (Posting p : entry.postings()) {
            canonical.append('|').append(p.account().code()).append(',').append(p.debit().amount().toPlainString())
                    .append(',').append(p.credit().amount().toPlainString());
        }
        return Sha256.hex(canonical.toString());
    }
}
