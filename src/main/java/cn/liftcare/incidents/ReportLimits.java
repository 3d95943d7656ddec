package cn.liftcare.incidents;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liftcare.registry.ElevatorId;
import cn.liftcare.shared.TooManyRequestsException;

/**
 * Abuse protection for the public report form: a client may report one elevator a few times in ten minutes,
 * and only so many elevators in an hour. Counted from the stored reports, so it holds across restarts and
 * instances; the client is known only by a hash.
 */
@Component
class ReportLimits {

    static final Duration ELEVATOR_WINDOW = Duration.ofMinutes(10);
    static final Duration CLIENT_WINDOW = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final int perElevator;
    private final int perClient;

    ReportLimits(JdbcClient jdbc, @Value("${liftcare.incidents.reports-per-elevator:3}") int perElevator,
            @Value("${liftcare.incidents.reports-per-client:10}") int perClient) {
        this.jdbc = jdbc;
        this.perElevator = perElevator;
        this.perClient = perClient;
    }

    void check(String clientHash, ElevatorId elevator, Instant now) {
        Instant oldest = jdbc.sql("""
                SELECT min(reported_at) FROM (SELECT reported_at FROM incident_report
                    WHERE client_hash = :client AND elevator_id = :elevator AND reported_at > :since
                    ORDER BY reported_at DESC LIMIT :limit) recent HAVING count(*) >= :limit""")
                .param("client", clientHash).param("elevator", elevator.value())
                .param("since", Timestamp.from(now.minus(ELEVATOR_WINDOW))).param("limit", perElevator)
                .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
        if (oldest != null) {
            throw new TooManyRequestsException("report.tooMany.elevator",
                    Duration.between(now, oldest.plus(ELEVATOR_WINDOW)).toSeconds());
        }
        oldest = jdbc.sql("""
                SELECT min(reported_at) FROM (SELECT reported_at FROM incident_report
                    WHERE client_hash = :client AND reported_at > :since ORDER BY reported_at DESC LIMIT :limit) recent
                HAVING count(*) >= :limit""")
                .param("client", clientHash).param("since", Timestamp.from(now.minus(CLIENT_WINDOW)))
                .param("limit", perClient)
                .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
        if (oldest != null) {
            throw new TooManyRequestsException("report.tooMany.client",
                    Duration.between(now, oldest.plus(CLIENT_WINDOW)).toSeconds());
        }
    }
}
