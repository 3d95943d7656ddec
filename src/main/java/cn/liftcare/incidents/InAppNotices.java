package cn.liftcare.incidents;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liftcare.identity.Scope;
import cn.liftcare.shared.LiftCareTime;

/** Notices shown in the app to the organisation's users, newest first. */
@Component
public class InAppNotices implements NoticeChannel {

    private final JdbcClient jdbc;
    private final LiftCareTime time;

    InAppNotices(JdbcClient jdbc, LiftCareTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    @Override
    public void send(Notice notice) {
        jdbc.sql("""
                INSERT INTO notification (organization_id, kind, incident_id, message_key, args, created_at)
                VALUES (:org, :kind, :incident, :key, :args, :at)""")
                .param("org", notice.organizationId()).param("kind", notice.kind())
                .param("incident", notice.incidentId() == null ? null : notice.incidentId().value())
                .param("key", notice.messageKey()).param("args", String.join("\u001f", notice.args()))
                .param("at", Timestamp.from(time.now())).update();
    }

    public record InAppNotice(long id, String kind, Long incidentId, String messageKey, List<String> args,
            Instant createdAt, boolean read) {

        public Object[] argsArray() {
            return args.toArray();
        }
    }

    /** The caller's organisation's latest notices. */
    public List<InAppNotice> latest(Scope scope, int limit) {
        return jdbc.sql("""
                SELECT id, kind, incident_id, message_key, args, created_at, read_at IS NOT NULL FROM notification
                WHERE organization_id = :org ORDER BY id DESC LIMIT :limit""")
                .param("org", scope.orgId()).param("limit", limit)
                .query((rs, i) -> new InAppNotice(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4),
                        List.of(rs.getString(5).split("\u001f", -1)), rs.getTimestamp(6).toInstant(), rs.getBoolean(7)))
                .list();
    }

    public long unread(Scope scope) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE organization_id = :org AND read_at IS NULL")
                .param("org", scope.orgId()).query(Long.class).single();
    }

    public void markAllRead(Scope scope) {
        jdbc.sql("UPDATE notification SET read_at = :at WHERE organization_id = :org AND read_at IS NULL")
                .param("at", Timestamp.from(time.now())).param("org", scope.orgId()).update();
    }
}
