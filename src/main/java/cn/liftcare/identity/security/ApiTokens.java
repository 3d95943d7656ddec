package cn.liftcare.identity.security;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.Sha256;

/**
 * Bearer tokens for API clients, so that integrations need not send a password (and pay for a bcrypt
 * check) on every call. Only the token's SHA-256 is stored.
 */
@Component
public class ApiTokens {

    public static final String PREFIX = "lct_";
    static final Duration MAX_LIFETIME = Duration.ofDays(90);

    private final JdbcClient jdbc;
    private final LiftCareTime time;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, LiftCareTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    public IssuedToken issue(long userId, String name, Duration lifetime) {
        Duration effective = lifetime == null || lifetime.isNegative() || lifetime.isZero()
                || lifetime.compareTo(MAX_LIFETIME) > 0 ? MAX_LIFETIME : lifetime;
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = time.now();
        Instant expires = now.plus(effective);
        jdbc.sql("""
                INSERT INTO api_token (app_user_id, token_hash, name, created_at, expires_at)
                VALUES (:user, :hash, :name, :now, :expires)
                """)
                .param("user", userId).param("hash", sha256(token)).param("name", name)
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(expires))
                .update();
        return new IssuedToken(token, expires);
    }

    public void revoke(long userId, String token) {
        jdbc.sql("UPDATE api_token SET revoked_at = :now WHERE token_hash = :hash AND app_user_id = :user")
                .param("now", Timestamp.from(time.now())).param("hash", sha256(token)).param("user", userId)
                .update();
    }

    static String sha256(String value) {
        return Sha256.hex(value);
    }

    public record IssuedToken(String token, Instant expiresAt) {
    }
}
