package cn.liftcare.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** With {@code liftcare.demo=true} (the default for {@code ./mvnw spring-boot:run}), seeds the district once. */
@Component
@Order(10)
@ConditionalOnBooleanProperty(name = "liftcare.demo", matchIfMissing = true)
class DemoStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStartup.class);

    private final DemoDistrict district;
    private final DemoMaintenance maintenance;
    private final DemoIncidents incidents;
    private final DemoPolicies policies;
    private final DemoClaims claims;
    private final DemoPension pension;
    private final DemoQuality quality;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    DemoStartup(DemoDistrict district, DemoMaintenance maintenance, DemoIncidents incidents, DemoPolicies policies,
            DemoClaims claims, DemoPension pension, DemoQuality quality,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.claims = claims;
        this.pension = pension;
        this.quality = quality;
        this.jdbc = jdbc;
        this.district = district;
        this.maintenance = maintenance;
        this.incidents = incidents;
        this.policies = policies;
    }

    @Override
    public void run(ApplicationArguments args) {
        // each seed in its own transaction, so a later one sees what the earlier ones committed
        seed("the demo district", district::seedOnce);
        seed("a year of maintenance", maintenance::seedOnce);
        seed("a year of incidents", incidents::seedOnce);
        seed("nine years of policies", policies::seedOnce);
        seed("a year of claims", claims::seedOnce);
        seed("the pension cases", pension::seedOnce);
        seed("a year of quality scores", quality::seedOnce);
    }

    /**
     * Runs one seed and, if it wrote anything, refreshes the planner's statistics: a server may run without
     * autovacuum (this machine's does), and the next seed's set-based queries would otherwise be planned for
     * empty tables, turning seconds into minutes.
     */
    private void seed(String what, java.util.function.BooleanSupplier step) {
        long started = System.nanoTime();
        if (step.getAsBoolean()) {
            jdbc.sql("ANALYZE").update();
            log.info("Seeded {} in {} ms", what, (System.nanoTime() - started) / 1_000_000);
        }
    }
}
