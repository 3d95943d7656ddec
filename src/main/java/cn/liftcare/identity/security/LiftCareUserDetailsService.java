package cn.liftcare.identity.security;

import java.sql.Timestamp;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.identity.UserId;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.RegionCode;

/** Loads the principal, with its organisation and lockout state, in one query. */
@Component
class LiftCareUserDetailsService implements UserDetailsService {

    private static final String SELECT = """
            SELECT u.id, u.username, u.display_name, u.password_hash, u.enabled, o.id AS org_id, o.type, o.name,
                   o.short_name, o.region_code,
                   (SELECT a.locked_until > :now FROM login_attempt a WHERE a.app_user_id = u.id) AS locked,
                   (SELECT string_agg(r.role, ',') FROM app_user_role r WHERE r.app_user = u.id) AS roles
            FROM app_user u JOIN organization o ON o.id = u.organization_id
            """;

    private final JdbcClient jdbc;
    private final LiftCareTime time;

    LiftCareUserDetailsService(JdbcClient jdbc, LiftCareTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    @Override
    public LiftCareUser loadUserByUsername(String username) {
        return find("u.username = :key", username == null ? "" : username.strip().toLowerCase())
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    /** The holder of a live bearer token, found by the token's hash, in the same single query. */
    Optional<LiftCareUser> loadByTokenHash(String tokenHash) {
        return find("""
                u.id = (SELECT t.app_user_id FROM api_token t
                        WHERE t.token_hash = :key AND t.revoked_at IS NULL AND t.expires_at > :now)""", tokenHash);
    }

    private Optional<LiftCareUser> find(String predicate, Object key) {
        return jdbc.sql(SELECT + " WHERE " + predicate)
                .param("key", key)
                .param("now", Timestamp.from(time.now()))
                .query((rs, i) -> {
                    Set<Role> roles = EnumSet.noneOf(Role.class);
                    String csv = rs.getString("roles");
                    if (csv != null) {
                        for (String r : csv.split(",")) {
                            roles.add(Role.valueOf(r));
                        }
                    }
                    Scope scope = new Scope(new UserId(rs.getLong("id")), rs.getString("username"),
                            new OrganizationId(rs.getLong("org_id")), OrganizationType.valueOf(rs.getString("type")),
                            new RegionCode(rs.getString("region_code")), roles);
                    String orgName = rs.getString("short_name") != null ? rs.getString("short_name") : rs.getString("name");
                    return new LiftCareUser(scope, rs.getString("display_name"), orgName, rs.getString("password_hash"),
                            rs.getBoolean("enabled"), rs.getBoolean("locked"));
                })
                .optional();
    }
}
