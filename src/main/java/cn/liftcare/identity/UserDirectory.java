package cn.liftcare.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liftcare.shared.LiftCareTime;

/** User accounts the caller may see: the platform all, anyone else those of its own organisation. */
@Component
public class UserDirectory {

    private final JdbcClient jdbc;
    private final LiftCareTime time;

    UserDirectory(JdbcClient jdbc, LiftCareTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    public List<UserRow> list(Scope scope) {
        String where = scope.reach() == Scope.Reach.ALL ? "TRUE" : "u.organization_id = :org";
        var spec = jdbc.sql("""
                SELECT u.id, u.username, u.display_name, u.enabled, o.id AS org_id, o.name AS org_name, o.type,
                       (SELECT string_agg(r.role, ',' ORDER BY r.role) FROM app_user_role r WHERE r.app_user = u.id) AS roles,
                       (SELECT a.locked_until FROM login_attempt a WHERE a.app_user_id = u.id AND a.locked_until > :now) AS locked_until
                FROM app_user u JOIN organization o ON o.id = u.organization_id
                WHERE
                """ + where + " ORDER BY o.type, o.name, u.username")
                .param("now", Timestamp.from(time.now()));
        if (scope.reach() != Scope.Reach.ALL) {
            spec = spec.param("org", scope.orgId());
        }
        return spec.query((rs, i) -> {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            String csv = rs.getString("roles");
            if (csv != null) {
                for (String r : csv.split(",")) {
                    roles.add(Role.valueOf(r));
                }
            }
            Timestamp locked = rs.getTimestamp("locked_until");
            return new UserRow(new UserId(rs.getLong("id")), rs.getString("username"), rs.getString("display_name"),
                    rs.getBoolean("enabled"), new OrganizationId(rs.getLong("org_id")), rs.getString("org_name"),
                    OrganizationType.valueOf(rs.getString("type")), roles, locked == null ? null : locked.toInstant());
        }).list();
    }

    /**
     * The names other modules show beside what a user recorded (who recorded a veto, who decided): each user's
     * display name and organisation, for the ids given; unknown ids are absent.
     */
    public Map<UserId, RecordedBy> names(Collection<UserId> ids) {
        Map<UserId, RecordedBy> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.sql("""
                SELECT u.id, u.display_name, o.name FROM app_user u JOIN organization o ON o.id = u.organization_id
                WHERE u.id IN (:ids)""").param("ids", ids.stream().map(UserId::value).distinct().toList())
                .query((rs, i) -> names.put(new UserId(rs.getLong(1)), new RecordedBy(rs.getString(2), rs.getString(3))))
                .list();
        return names;
    }

    public record RecordedBy(String displayName, String organizationName) {
    }

    public record UserRow(UserId id, String username, String displayName, boolean enabled,
            OrganizationId organizationId, String organizationName, OrganizationType organizationType, Set<Role> roles,
            Instant lockedUntil) {
    }
}
