package cn.liftcare.maintenance;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.Scope;
import cn.liftcare.shared.Images;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.Sha256;

/**
 * Photos taken on site, as evidence for tests and repairs. Only JPEG, PNG and WebP images up to 5 MB, known
 * by their first bytes rather than by what the client claims; kept with their SHA-256.
 */
@Component
public class Photos {

    public static final int MAX_BYTES = Images.MAX_BYTES;

    private final JdbcClient jdbc;
    private final LiftCareTime time;

    Photos(JdbcClient jdbc, LiftCareTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    public long upload(Scope scope, byte[] bytes) {
        String type = Images.check("file", bytes);
        return jdbc.sql("""
                INSERT INTO maintenance_photo (uploaded_by, company_id, content_type, bytes, sha256, uploaded_at)
                VALUES (:user, :company, :type, :bytes, :sha, :at) RETURNING id""")
                .param("user", scope.userId().value()).param("company", scope.orgId()).param("type", type)
                .param("bytes", bytes).param("sha", sha256(bytes)).param("at", Timestamp.from(time.now()))
                .query(Long.class).single();
    }

    /** Those of the ids that are photos uploaded by the company. */
    public Set<Long> ownedBy(OrganizationId company, Collection<Long> ids) {
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

    private static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }
}
