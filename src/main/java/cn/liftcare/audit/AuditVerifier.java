package cn.liftcare.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the whole chain in id order, recomputing every hash. The first entry whose own hash does not
 * match its fields, or whose link does not match its predecessor's hash, is the first broken one.
 */
@Component
public class AuditVerifier {

    private final JdbcTemplate jdbc;

    AuditVerifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Result verify() {
        Walker walker = new Walker();
        jdbc.query(con -> {
            var statement = con.prepareStatement("""
                    SELECT id, occurred_at, actor, organization_id, action, entity_type, entity_id, before_state,
                           after_state, prev_hash, hash
                    FROM audit_entry ORDER BY id""");
            statement.setFetchSize(2_000);
            return statement;
        }, walker::accept);
        return new Result(walker.firstBroken == null, walker.count, walker.firstBroken);
    }

    static AuditEntry map(ResultSet rs) throws SQLException {
        long org = rs.getLong("organization_id");
        Long organizationId = rs.wasNull() ? null : org;
        return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), organizationId, rs.getString("action"), rs.getString("entity_type"),
                rs.getString("entity_id"), rs.getString("before_state"), rs.getString("after_state"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }

    private static final class Walker {
        long count;
        String previousHash = AuditEntry.GENESIS;
        Long firstBroken;

        void accept(ResultSet rs) throws SQLException {
            AuditEntry entry = map(rs);
            count++;
            if (firstBroken == null && (!entry.prevHash().equals(previousHash) || !entry.hashMatches())) {
                firstBroken = entry.id();
            }
            previousHash = entry.hash();
        }
    }

    /** The answer of {@code GET /api/v1/audit/verify}. */
    public record Result(boolean valid, long entries, Long firstBroken) {
    }
}
