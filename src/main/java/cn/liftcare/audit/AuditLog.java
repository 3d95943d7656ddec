package cn.liftcare.audit;

import java.time.ZoneOffset;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.liftcare.shared.Actor;
import cn.liftcare.shared.LiftCareTime;

/**
 * Appends to the chain. Entries of one transaction are collected and written just before it commits:
 * a transaction-scoped advisory lock then serialises writers, so each batch links to the entry
 * committed before it, and the lock is held only for the moment of linking.
 */
@Component
class AuditLog {

    private static final long CHAIN_LOCK = 0x4C43_4155_4449_54L; // "LCAUDIT"

    private final JdbcTemplate jdbc;
    private final LiftCareTime time;

    AuditLog(JdbcTemplate jdbc, LiftCareTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    /** Records a change made in the current transaction; written when that transaction commits. */
    void append(Actor actor, String action, String entityType, String entityId, String before, String after) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("an audited change must happen inside a transaction: " + entityType + " " + entityId);
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.drafts.add(new Draft(time.now(), actor, action, entityType, entityId, before, after));
    }

    private void write(List<Draft> drafts) {
        jdbc.query("SELECT pg_advisory_xact_lock(?)", rs -> null, CHAIN_LOCK);
        // a statement of its own after the lock, so its snapshot sees the batch committed just before
        List<Long> ids = new ArrayList<>(drafts.size());
        String[] last = {AuditEntry.GENESIS};
        jdbc.query("""
                SELECT nextval('audit_entry_id_seq'), (SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1)
                FROM generate_series(1, ?)""", rs -> {
            ids.add(rs.getLong(1));
            if (rs.getString(2) != null) {
                last[0] = rs.getString(2);
            }
        }, drafts.size());
        String prevHash = last[0];
        List<Object[]> rows = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            long id = ids.get(i);
            String hash = AuditEntry.hashOf(id, d.at(), d.actor().username(), d.actor().organizationId(), d.action(),
                    d.entityType(), d.entityId(), d.before(), d.after(), prevHash);
            rows.add(new Object[] {id, d.at().atOffset(ZoneOffset.UTC), d.actor().username(), d.actor().organizationId(),
                    d.action(), d.entityType(), d.entityId(), d.before(), d.after(), prevHash, hash});
            prevHash = hash;
        }
        jdbc.batchUpdate("""
                INSERT INTO audit_entry (id, occurred_at, actor, organization_id, action, entity_type, entity_id,
                                         before_state, after_state, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows,
                new int[] {Types.BIGINT, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.BIGINT, Types.VARCHAR,
                        Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR});
    }

    private record Draft(Instant at, Actor actor, String action, String entityType, String entityId, String before,
            String after) {
    }

    private final class Pending implements TransactionSynchronization {
        final List<Draft> drafts = new ArrayList<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!drafts.isEmpty()) {
                write(drafts);
                drafts.clear();
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(AuditLog.this);
        }
    }
}
