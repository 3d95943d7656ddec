package cn.liftcare.maintenance;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.Scope;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/**
 * Photos taken on site, as evidence for tests and repairs. Only JPEG, PNG and WebP images up to 5 MB, known
 * by their first bytes rather than by what the client claims; kept with their SHA-256.
 */
@Component
public class Photos {

    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private final JdbcClient jdbc;
    private final LiftCareTime time;

    Photos(JdbcClient jdbc, LiftCareTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    public long upload(Scope scope, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new ValidationFailedException(Violation.of("file", "photo.empty"));
        }
        if (bytes.length > MAX_BYTES) {
            throw new ValidationFailedException(Violation.of("file", "photo.tooLarge", MAX_BYTES / 1024 / 1024));
        }
        String type = imageType(bytes).orElseThrow(() -> new ValidationFailedException(Violation.of("file", "photo.notImage")));
        return jdbc.sql("""
                INSERT INTO maintenance_photo (uploaded_by, company_id, content_type, bytes, sha256, uploaded_at)
                VALUES (:user, :company, :type, :bytes, :sha, :at) RETURNING id""")
                .param("user", scope.userId().value()).param("company", scope.orgId()).param("type", type)
                .param("bytes", bytes).param("sha", sha256(bytes)).param("at", Timestamp.from(time.now()))
                .query(Long.class).single();
    }

    /** Those of the ids that are photos uploaded by the company. */
    Set<Long> ownedBy(OrganizationId company, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("SELECT id FROM maintenance_photo WHERE company_id = :company AND id IN (:ids)")
                .param("company", company.value()).param("ids", ids).query(Long.class).list());
    }

    public Optional<Photo> find(long id) {
        return jdbc.sql("SELECT content_type, bytes, company_id FROM maintenance_photo WHERE id = :id").param("id", id)
                .query((rs, i) -> new Photo(rs.getString(1), rs.getBytes(2), new OrganizationId(rs.getLong(3))))
                .optional();
    }

    public record Photo(String contentType, byte[] bytes, OrganizationId companyId) {
    }

    static Optional<String> imageType(byte[] b) {
        if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return Optional.of("image/jpeg");
        }
        if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return Optional.of("image/png");
        }
        if (b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
