package cn.liftcare.quality;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.liftcare.identity.Scope;
import cn.liftcare.shared.LiftCareTime;

/**
 * The scoring job: every night the open month and quarter are scored again from the day's records, so rankings
 * are at most a day old; the regulator closes a period once it has ended. Recomputation is idempotent, so a rerun
 * or an overlap with the regulator's own recompute changes nothing.
 */
@Component
class NightlyScores {

    private static final Logger log = LoggerFactory.getLogger(NightlyScores.class);

    private final QualityScoring scoring;
    private final LiftCareTime time;

    NightlyScores(QualityScoring scoring, LiftCareTime time) {
        this.scoring = scoring;
        this.time = time;
    }

    @Scheduled(cron = "${liftcare.quality.score-cron:0 0 2 * * *}", zone = "Asia/Shanghai")
    void run() {
        for (String period : periods()) {
            if (scoring.status(period).filter("CLOSED"::equals).isEmpty()) {
                QualityScoring.Computed c = scoring.compute(Scope.SYSTEM, period);
                log.info("Scored {}: {} elevators, {} companies", period, c.elevators(), c.companies());
            }
        }
    }

    List<String> periods() {
        return List.of(time.today().toString().substring(0, 7), Period.quarterOf(time.today()).code());
    }
}
