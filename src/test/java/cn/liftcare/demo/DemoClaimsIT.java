package cn.liftcare.demo;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liftcare.support.LiftCareTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's year of claims: most paid straight through, the rest referred or declined with their reasons. */
@LiftCareTest
class DemoClaimsIT {

    @Autowired JdbcClient jdbc;

    /** Claims the demo seed opened: received before the seed was marked done. */
    static final String DEMO = " submitted_at <= (SELECT seeded_at FROM demo_seed WHERE name = 'claims-2025') ";

    @Test
    void mostDemoClaimsArePaidStraightThroughAndTheRestCarryTheirReasons() {
        long all = jdbc.sql("SELECT count(*) FROM claim WHERE" + DEMO).query(Long.class).single();
        long stp = jdbc.sql("SELECT count(*) FROM claim c WHERE" + DEMO.replace("submitted_at", "c.submitted_at")
                + "AND EXISTS (SELECT 1 FROM claim_decision d WHERE d.claim_id = c.id AND d.action = 'STP')")
                .query(Long.class).single();
        assertThat(all).isGreaterThan(100);
        assertThat((double) stp / all).as("straight-through share").isBetween(0.5, 0.95);
        Map<String, Long> referrals = new java.util.HashMap<>();
        jdbc.sql("SELECT f.rule, count(DISTINCT c.id) FROM claim c JOIN claim_finding f ON f.claim_id = c.id "
                        + "WHERE f.result = 'REFER' AND" + DEMO.replace("submitted_at", "c.submitted_at") + "GROUP BY f.rule")
                .query((rs, i) -> referrals.put(rs.getString(1), rs.getLong(2))).list();
        assertThat(referrals).containsKeys("price", "evidence.photos");
        assertThat(jdbc.sql("SELECT count(*) FROM claim WHERE status = 'REFERRED' AND" + DEMO).query(Long.class).single())
                .as("some still wait for the adjuster").isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM claim WHERE source = 'ENTRAPMENT' AND status = 'PAID' AND" + DEMO)
                .query(Long.class).single()).as("entrapment payments").isPositive();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM claim c WHERE c.status = 'PAID' AND (SELECT count(*) FROM journal_entry j
                WHERE j.idempotency_key = 'claim:' || c.id || ':payout') <> 1""").query(Long.class).single())
                .as("every paid claim has exactly one payout").isZero();
    }
}
