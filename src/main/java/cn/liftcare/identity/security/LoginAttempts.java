package cn.liftcare.identity.security;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liftcare.identity.UserId;
import cn.liftcare.shared.LiftCareTime;

/**
 * Counts failed sign-ins per account and locks it for a while after too many. Updated with one atomic
 * statement each, so parallel guesses cannot slip past the limit.
 */
@Component
public class LoginAttempts {

    private final JdbcClient jdbc;
    private final LiftCareTime time;
    private final int maxFailures;
    private final Duration lockDuration;

    LoginAttempts(JdbcClient jdbc, LiftCareTime time, @Value("${liftcare.login.max-failures:5}") int maxFailures,
            @Value("${liftcare.login.lock-duration:PT15M}") Duration lockDuration) {
        this.jdbc = jdbc;
        this.time = time;
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
    }

    public void failed(String username) {
        Instant now = time.now();
        jdbc.sql("""
                INSERT INTO login_attempt (app_user_id, failed_count, locked_until)
                SELECT id, 1, CASE WHEN 1 >= :max THEN CAST(:until AS timestamptz) END FROM app_user WHERE username = :username
                ON CONFLICT (app_user_id) DO UPDATE SET
                    failed_count = CASE WHEN login_attempt.failed_count + 1 >= :max THEN 0
                                        ELSE login_attempt.failed_count + 1 END,
                    locked_until = CASE WHEN login_attempt.failed_count + 1 >= :max THEN CAST(:until AS timestamptz)
                                        ELSE login_attempt.locked_until END
                """)
                .param("max", maxFailures)
                .param("until", Timestamp.from(now.plus(lockDuration)))
                .param("username", username)
                .update();
    }

    public void succeeded(String username) {
        jdbc.sql("DELETE FROM login_attempt WHERE app_user_id = (SELECT id FROM app_user WHERE username = :username)")
                .param("username", username).update();
    }

    public void clear(UserId id) {
        jdbc.sql("DELETE FROM login_attempt WHERE app_user_id = :id").param("id", id.value()).update();
    }

    public Optional<Instant> lockedUntil(long userId) {
        return jdbc.sql("SELECT locked_until FROM login_attempt WHERE app_user_id = :id AND locked_until > :now")
                .param("id", userId).param("now", Timestamp.from(time.now()))
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }
}
