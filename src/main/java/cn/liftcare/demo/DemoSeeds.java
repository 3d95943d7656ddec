package cn.liftcare.demo;

import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liftcare.shared.LiftCareTime;

/** Remembers which seeds have run, so a restart keeps the data and never seeds twice. */
@Component
class DemoSeeds {

    private final JdbcClient jdbc;
    private final LiftCareTime time;

    DemoSeeds(JdbcClient jdbc, LiftCareTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    /**
     * Runs a seed in the caller's transaction unless it has run, or the seed it builds on (null: none) has not;
     * records it, and answers whether it ran.
     */
    boolean runOnce(String name, String after, Runnable seed) {
        if (hasRun(name) || (after != null && !hasRun(after))) {
            return false;
        }
        seed.run();
        markRun(name);
        return true;
    }

    boolean hasRun(String name) {
        return jdbc.sql("SELECT count(*) > 0 FROM demo_seed WHERE name = :name").param("name", name)
                .query(Boolean.class).single();
    }

    void markRun(String name) {
        jdbc.sql("INSERT INTO demo_seed (name, seeded_at) VALUES (:name, :at)")
                .param("name", name).param("at", Timestamp.from(time.now())).update();
    }
}
