package cn.liftcare.audit;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals what is pending, then walks the whole chain in order, recomputing every hash. The first link whose entry
 * is missing, whose own hash does not match its entry's fields, whose link does not match its predecessor's hash,
 * or that follows a gap, is the first broken one; so is an entry that is neither sealed nor waiting for its seal
 * (written behind the application's back).
 */
@Component
public class AuditVerifier {

    private final JdbcTemplate jdbc;
    private final AuditSealer sealer;
    private final TransactionTemplate readOnly;

    AuditVerifier(JdbcTemplate jdbc, AuditSealer sealer, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public Result verify() {
        sealer.sealAll();
        return readOnly.execute(status -> {
            Walker walker = new Walker();
            jdbc.query(con -> {
                var statement = con.prepareStatement("SELECT s.entry_id AS sealed_entry, "
                        + AuditTrail.ENTRY_COLUMNS + ", s.position, s.prev_hash, s.hash "
                        + "FROM audit_seal s LEFT JOIN audit_entry e ON e.id = s.entry_id ORDER BY s.position");
                statement.setFetchSize(2_000);
                return statement;
            }, walker::accept);
            Long unsealed = jdbc.queryForObject("""
                    SELECT min(e.id) FROM audit_entry e
                    WHERE NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.entry_id = e.id)
                      AND NOT EXISTS (SELECT 1 FROM audit_pending p WHERE p.entry_id = e.id)""", Long.class);
            Long firstBroken = walker.firstBroken;
            if (unsealed != null && (firstBroken == null || unsealed < firstBroken)) {
                firstBroken = unsealed;
            }
            return new Result(firstBroken == null, walker.count, firstBroken);
        });
    }

    private static final class Walker {
        long count;
        long position;
        String previousHash = AuditEntry.GENESIS;
        Long firstBroken;

        void accept(ResultSet rs) throws SQLException {
            count++;
            long sealedEntry = rs.getLong("sealed_entry");
            rs.getLong("id");
            boolean missing = rs.wasNull();
            AuditEntry entry = missing ? null : AuditEntry.map(rs);
            boolean broken = missing || entry.position() != position + 1 || !entry.prevHash().equals(previousHash)
                    || !entry.hashMatches();
            if (firstBroken == null && broken) {
                firstBroken = sealedEntry;
            }
            position = rs.getLong("position");
            previousHash = rs.getString("hash");
        }
    }

    /** The answer of {@code GET /api/v1/audit/verify}: {@code entries} counts the sealed links walked. */
    public record Result(boolean valid, long entries, Long firstBroken) {
    }
}
