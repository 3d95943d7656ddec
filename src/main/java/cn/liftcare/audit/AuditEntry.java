package cn.liftcare.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** One link of the chain. Its hash covers every field and the previous link's hash. */
public record AuditEntry(long id, Instant occurredAt, String actor, Long organizationId, String action,
        String entityType, String entityId, String before, String after, String prevHash, String hash) {

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
        return hash.equals(hashOf(id, occurredAt, actor, organizationId, action, entityType, entityId, before, after,
                prevHash));
    }
}
