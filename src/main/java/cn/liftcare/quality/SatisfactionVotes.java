package cn.liftcare.quality;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.registry.ElevatorQueries;
import cn.liftcare.registry.ElevatorView;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.shared.TooManyRequestsException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/**
 * Residents' satisfaction from the elevator's public page, without an account: 1–5 stars for cleanliness, running
 * and response. One vote per client (known only by a hash of its address) and elevator per calendar month, held by
 * a unique key; and a client may vote only so many times an hour, counted from the stored votes, as the incidents
 * module limits residents' reports.
 */
@Service
public class SatisfactionVotes {

    static final Duration WINDOW = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final ElevatorQueries elevators;
    private final LiftCareTime time;
    private final int perHour;

    SatisfactionVotes(JdbcClient jdbc, ElevatorQueries elevators, LiftCareTime time,
            @Value("${liftcare.quality.votes-per-hour:10}") int perHour) {
        this.jdbc = jdbc;
        this.elevators = elevators;
        this.time = time;
        this.perHour = perHour;
    }

    public record Vote(Integer cleanliness, Integer running, Integer response) {
    }

    @Transactional
    public void vote(String registrationCode, String clientHash, Vote vote) {
        vote(registrationCode, clientHash, vote, time.now());
    }

    /** The same at a given moment: votes taken over from paper questionnaires keep their time. */
    @Transactional
    public void vote(String registrationCode, String clientHash, Vote vote, Instant at) {
        ElevatorView elevator = elevators.findPublic(registrationCode)
                .orElseThrow(() -> new NotFoundException("elevator", registrationCode));
        List<Violation> problems = new ArrayList<>();
        check(problems, "cleanliness", vote.cleanliness());
        check(problems, "running", vote.running());
        check(problems, "response", vote.response());
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
        Instant oldest = jdbc.sql("""
                SELECT min(voted_at) FROM (SELECT voted_at FROM quality_vote WHERE client_hash = :client AND voted_at > :since
                    ORDER BY voted_at DESC LIMIT :limit) recent HAVING count(*) >= :limit""")
                .param("client", clientHash).param("since", Timestamp.from(at.minus(WINDOW))).param("limit", perHour)
                .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
        if (oldest != null) {
            throw new TooManyRequestsException("quality.vote.tooMany", Duration.between(at, oldest.plus(WINDOW)).toSeconds());
        }
        String month = YearMonth.from(at.atZone(LiftCareTime.ZONE)).toString();
        int inserted = jdbc.sql("""
                INSERT INTO quality_vote (elevator_id, company_id, month, client_hash, cleanliness, running, response, voted_at)
                VALUES (:elevator, :company, :month, :client, :c, :r, :s, :at)
                ON CONFLICT (elevator_id, client_hash, month) DO NOTHING""")
                .param("elevator", elevator.id().value())
                .param("company", elevator.maintenanceCompanyId() == null ? null : elevator.maintenanceCompanyId().value())
                .param("month", month).param("client", clientHash).param("c", vote.cleanliness())
                .param("r", vote.running()).param("s", vote.response()).param("at", Timestamp.from(at)).update();
        if (inserted == 0) {
            throw new RuleViolationException("vote-once-a-month", "quality.vote.already", month);
        }
    }

    private static void check(List<Violation> problems, String field, Integer stars) {
        if (stars == null || stars < 1 || stars > 5) {
            problems.add(Violation.of(field, "quality.vote.stars"));
        }
    }
}
