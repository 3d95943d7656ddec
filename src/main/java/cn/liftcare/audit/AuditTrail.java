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

    private static final String COLUMNS = "id, occurred_at, actor, organization_id, action, entity_type, entity_id, "
            + "before_state, after_state, prev_hash, hash";

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AuditEntry> forEntity(String entityType, String entityId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry WHERE entity_type = :type AND entity_id = :id ORDER BY id DESC")
                .param("type", entityType).param("id", entityId)
                .query((rs, i) -> AuditVerifier.map(rs)).list();
    }

    public Page<AuditEntry> recent(String entityType, int page, int size) {
        String where = entityType == null || entityType.isBlank() ? "" : " WHERE entity_type = :type";
        var count = jdbc.sql("SELECT count(*) FROM audit_entry" + where);
        var list = jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry" + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset");
        if (!where.isEmpty()) {
            count = count.param("type", entityType);
            list = list.param("type", entityType);
        }
        long total = count.query(Long.class).single();
        List<AuditEntry> items = list.param("limit", size).param("offset", (long) page * size)
                .query((rs, i) -> AuditVerifier.map(rs)).list();
        return new Page<>(items, page, size, total);
    }
}
