package cn.liftcare.audit;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liftcare.shared.LiftCareTime;

/**
 * Links committed entries into the hash chain, in the order of their ids, a few times a second: each seal's hash
 * covers its entry's fields and the previous seal's hash. One sealer at a time (an advisory lock, so several
 * instances of the platform share one chain); writers never wait for it.
 */
@Component
class AuditSealer {

    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);
    private static final long CHAIN_LOCK = 0x4C43_4155_4449_54L; // "LCAUDIT"
    private static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final LiftCareTime time;

    AuditSealer(JdbcTemplate jdbc, TransactionTemplate tx, LiftCareTime time) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.time = time;
    }

    @Scheduled(fixedDelayString = "${liftcare.audit.seal-ms:200}")
    void sealPending() {
        try {
            sealAll();
        }
        catch (RuntimeException e) {
            log.warn("Audit entries not sealed this time: {}", e.toString());
        }
    }

    /** Seals every entry committed so far; the number sealed. */
    long sealAll() {
        long sealed = 0;
        int batch;
        do {
            batch = tx.execute(s -> sealBatch());
            sealed += batch;
        } while (batch == BATCH);
        return sealed;
    }

    private int sealBatch() {
        jdbc.query("SELECT pg_advisory_xact_lock(?)", rs -> null, CHAIN_LOCK);
        List<Long> pending = jdbc.queryForList("""
                DELETE FROM audit_pending WHERE entry_id IN (SELECT entry_id FROM audit_pending ORDER BY entry_id LIMIT ?)
                RETURNING entry_id""", Long.class, BATCH);
        if (pending.isEmpty()) {
            return 0;
        }
        long[] position = {0};
        String[] previous = {AuditEntry.GENESIS};
        jdbc.query("SELECT position, hash FROM audit_seal ORDER BY position DESC LIMIT 1", rs -> {
            position[0] = rs.getLong(1);
            previous[0] = rs.getString(2);
        });
        java.time.OffsetDateTime now = time.now().atOffset(java.time.ZoneOffset.UTC);
        List<Object[]> seals = new ArrayList<>(pending.size());
        jdbc.query(con -> {
            var statement = con.prepareStatement("SELECT " + AuditTrail.ENTRY_COLUMNS
                    + ", NULL AS position, NULL AS prev_hash, NULL AS hash FROM audit_entry e WHERE e.id = ANY (?) ORDER BY e.id");
            statement.setArray(1, con.createArrayOf("bigint", pending.toArray()));
            return statement;
        }, rs -> {
            AuditEntry entry = AuditEntry.map(rs);
            String hash = AuditEntry.hashOf(entry.id(), entry.occurredAt(), entry.actor(), entry.organizationId(),
                    entry.action(), entry.entityType(), entry.entityId(), entry.before(), entry.after(), previous[0]);
            seals.add(new Object[] {++position[0], entry.id(), previous[0], hash, now});
            previous[0] = hash;
        });
        jdbc.batchUpdate("INSERT INTO audit_seal (position, entry_id, prev_hash, hash, sealed_at) VALUES (?, ?, ?, ?, ?)",
                seals, new int[] {Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE});
        return pending.size();
    }
}
