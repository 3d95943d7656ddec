package cn.liftcare.policies;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.liftcare.shared.LiftCareTime;

/** Every night, policies whose premium is still unpaid after the grace period lapse. */
@Component
class PremiumCollection {

    private static final Logger log = LoggerFactory.getLogger(PremiumCollection.class);

    private final PolicyWork work;
    private final LiftCareTime time;

    PremiumCollection(PolicyWork work, LiftCareTime time) {
        this.work = work;
        this.time = time;
    }

    @Scheduled(cron = "${liftcare.policies.lapse-cron:0 30 1 * * *}", zone = "Asia/Shanghai")
    void lapseOverdue() {
        int lapsed = work.lapseOverdue(time.today()).size();
        if (lapsed > 0) {
            log.info("{} policies lapsed for premium unpaid after the grace period", lapsed);
        }
    }
}
