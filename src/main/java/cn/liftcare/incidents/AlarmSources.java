package cn.liftcare.incidents;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.util.Base64;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.Sha256;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/**
 * Monitoring devices and integrations (a 96333 gateway, an IoT platform) that may raise machine alarms, each
 * with its own key. The key is shown once; only its SHA-256 is kept. A device key is bound to one elevator.
 */
@Component
public class AlarmSources {

    public static final String PREFIX = "lca_";

    private final JdbcClient jdbc;
    private final LiftCareTime time;
    private final SecureRandom random = new SecureRandom();

    AlarmSources(JdbcClient jdbc, LiftCareTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    public record Source(long id, String name, ElevatorId elevatorId) {
    }

    public record IssuedKey(long id, String name, String key) {
    }

    public IssuedKey issue(Scope scope, String name, ElevatorId boundTo) {
        if (!scope.has(Role.ADMIN)) {
            throw new AccessDeniedException("role");
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new ValidationFailedException(Violation.of("name", "validation.required"));
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = jdbc.sql("""
                INSERT INTO alarm_source (name, key_hash, elevator_id, created_at, created_by)
                VALUES (:name, :hash, :elevator, :at, :by) RETURNING id""")
                .param("name", name.strip()).param("hash", sha256(key))
                .param("elevator", boundTo == null ? null : boundTo.value())
                .param("at", Timestamp.from(time.now())).param("by", scope.userId().value())
                .query(Long.class).single();
        return new IssuedKey(id, name.strip(), key);
    }

    Optional<Source> authenticate(String key) {
        if (key == null || !key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, name, elevator_id FROM alarm_source WHERE key_hash = :hash AND revoked_at IS NULL")
                .param("hash", sha256(key.strip()))
                .query((rs, i) -> {
                    long elevator = rs.getLong(3);
                    boolean unbound = rs.wasNull();
                    return new Source(rs.getLong(1), rs.getString(2), unbound ? null : new ElevatorId(elevator));
                })
                .optional();
    }

    static String sha256(String value) {
        return Sha256.hex(value);
    }
}
