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
 * Appends to the log. Entries of one transaction are collected and written just before it commits, so an audited
 * change never commits without its entries; {@link AuditSealer} links them into the hash chain right after.
 */
@Component
class AuditLog {

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
        // one round trip for the whole batch; the sealer links the entries into the chain once they are committed
        jdbc.batchUpdate("""
                WITH e AS (INSERT INTO audit_entry (occurred_at, actor, organization_id, action, entity_type, entity_id,
                                                    before_state, after_state)
                           VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id)
                INSERT INTO audit_pending (entry_id) SELECT id FROM e""",
                drafts.stream().map(d -> new Object[] {d.at().atOffset(ZoneOffset.UTC), d.actor().username(),
                        d.actor().organizationId(), d.action(), d.entityType(), d.entityId(), d.before(), d.after()})
                        .toList(),
                new int[] {Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.VARCHAR,
                        Types.VARCHAR, Types.VARCHAR, Types.VARCHAR});
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
