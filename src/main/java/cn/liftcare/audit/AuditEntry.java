package cn.liftcare.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * One entry of the log and, once sealed, its link of the chain: its position, and a hash covering every field and
 * the previous link's hash (all three null for the moment between its commit and its seal).
 */
public record AuditEntry(long id, Instant occurredAt, String actor, Long organizationId, String action,
        String entityType, String entityId, String before, String after, Long position, String prevHash, String hash) {

    public boolean sealed() {
        return hash != null;
    }

    /** Reads the columns of {@code AuditTrail.ENTRY_COLUMNS} followed by position, prev_hash and hash. */
    static AuditEntry map(ResultSet rs) throws SQLException {
        long org = rs.getLong("organization_id");
        Long organizationId = rs.wasNull() ? null : org;
        long position = rs.getLong("position");
        Long sealedAt = rs.wasNull() ? null : position;
        return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), organizationId, rs.getString("action"), rs.getString("entity_type"),
                rs.getString("entity_id"), rs.getString("before_state"), rs.getString("after_state"), sealedAt,
                rs.getString("prev_hash"), rs.getString("hash"));
    }

    static final String GENESIS = "0".repeat(64);

    static String hashOf(long id, Instant occurredAt, String actor, Long organizationId, String action,
            String entityType, String entityId, String before, String after, String prevHash) {
        StringBuilder canonical = new StringBuilder();
        for (String field : new String[] {prevHash, Long.toString(id), DateTimeFormatter.ISO_INSTANT.format(occurredAt),
                actor, organizationId == null ? null : organizationId.toString(), action, entityType, entityId, before,
                after}) {
            // length-prefixed, so no field's content can imitate a boundary; -1 marks null
            canonical.append(field == null ? -1 : field.length()).append(':').append(field == null ? "" : field).append('|');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean hashMatches() {
        return hash != null && prevHash != null && hash.equals(hashOf(id, occurredAt, actor, organizationId, action, entityType, entityId, before, after,
                prevHash));
    }
}
