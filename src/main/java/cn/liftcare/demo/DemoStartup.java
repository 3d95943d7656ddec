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

    DemoStartup(DemoDistrict district, DemoMaintenance maintenance, DemoIncidents incidents, DemoPolicies policies,
            DemoClaims claims, DemoPension pension, DemoQuality quality) {
        this.claims = claims;
        this.pension = pension;
        this.quality = quality;
        this.district = district;
        this.maintenance = maintenance;
        this.incidents = incidents;
        this.policies = policies;
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        if (district.seedOnce()) {
            log.info("Seeded the demo district in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
        // each seed in its own transaction, so a later one sees what the earlier ones committed
        long maintenanceStarted = System.nanoTime();
        if (maintenance.seedOnce()) {
            log.info("Seeded a year of maintenance in {} ms", (System.nanoTime() - maintenanceStarted) / 1_000_000);
        }
        long incidentsStarted = System.nanoTime();
        if (incidents.seedOnce()) {
            log.info("Seeded a year of incidents in {} ms", (System.nanoTime() - incidentsStarted) / 1_000_000);
        }
        long policiesStarted = System.nanoTime();
        if (policies.seedOnce()) {
            log.info("Seeded nine years of policies in {} ms", (System.nanoTime() - policiesStarted) / 1_000_000);
        }
        long claimsStarted = System.nanoTime();
        if (claims.seedOnce()) {
            log.info("Seeded a year of claims in {} ms", (System.nanoTime() - claimsStarted) / 1_000_000);
        }
        long pensionStarted = System.nanoTime();
        if (pension.seedOnce()) {
            log.info("Seeded the pension cases in {} ms", (System.nanoTime() - pensionStarted) / 1_000_000);
        }
        long qualityStarted = System.nanoTime();
        if (quality.seedOnce()) {
            log.info("Seeded a year of quality scores in {} ms", (System.nanoTime() - qualityStarted) / 1_000_000);
        }
    }
}
