package cn.liftcare.audit;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liftcare.shared.Page;

/**
 * Reads the log. The owning module checks the caller may see the entity before asking for its trail,
 * so an elevator's history is exactly its audit entries.
 */
@Component
public class AuditTrail {

    static final String ENTRY_COLUMNS = "e.id, e.occurred_at, e.actor, e.organization_id, e.action, e.entity_type, "
            + "e.entity_id, e.before_state, e.after_state";
    private static final String COLUMNS = ENTRY_COLUMNS + ", s.position, s.prev_hash, s.hash";
    private static final String FROM = " FROM audit_entry e LEFT JOIN audit_seal s ON s.entry_id = e.id";

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AuditEntry> forEntity(String entityType, String entityId) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE e.entity_type = :type AND e.entity_id = :id ORDER BY e.id DESC")
                .param("type", entityType).param("id", entityId)
                .query((rs, i) -> AuditEntry.map(rs)).list();
    }

    public Page<AuditEntry> recent(String entityType, int page, int size) {
        String where = entityType == null || entityType.isBlank() ? "" : " WHERE e.entity_type = :type";
        var count = jdbc.sql("SELECT count(*) FROM audit_entry e" + where);
        var list = jdbc.sql("SELECT " + COLUMNS + FROM + where + " ORDER BY e.id DESC LIMIT :limit OFFSET :offset");
        if (!where.isEmpty()) {
            count = count.param("type", entityType);
            list = list.param("type", entityType);
        }
        long total = count.query(Long.class).single();
        List<AuditEntry> items = list.param("limit", size).param("offset", (long) page * size)
                .query((rs, i) -> AuditEntry.map(rs)).list();
        return new Page<>(items, page, size, total);
    }
}
