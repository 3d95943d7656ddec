package cn.liftcare.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.Scope;
import cn.liftcare.identity.UserDirectory;
import cn.liftcare.maintenance.MaintenanceItem;
import cn.liftcare.quality.Period;
import cn.liftcare.quality.PeriodClose;
import cn.liftcare.quality.QualityScoring;
import cn.liftcare.quality.SatisfactionVotes;
import cn.liftcare.quality.SpotChecks;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.RegionCode;

/**
 * The quality year: the supervisor's spot checks each quarter (a sample half random, half by risk, plus a few of
 * 北辰电梯's elevators, whose crews leave more items undone), residents' votes from the public page, and the scores
 * of the last four quarters, each closed by the regulator, so each company was paid by its grade; the current
 * quarter and its months are scored and open. All through the quality services as the real parties.
 */
@Component
class DemoQuality {

    static final String SEED = "quality-2026";
    private static final Logger log = LoggerFactory.getLogger(DemoQuality.class);

    private final SpotChecks spotChecks;
    private final SatisfactionVotes votes;
    private final QualityScoring scoring;
    private final PeriodClose closing;
    private final JdbcClient jdbc;
    private final DemoSeeds seeds;
    private final UserDirectory users;
    private final OrganizationDirectory organizations;
    private final LiftCareTime time;

    DemoQuality(SpotChecks spotChecks, SatisfactionVotes votes, QualityScoring scoring, PeriodClose closing,
            JdbcClient jdbc, DemoSeeds seeds, UserDirectory users, OrganizationDirectory organizations, LiftCareTime time) {
        this.spotChecks = spotChecks;
        this.votes = votes;
        this.scoring = scoring;
        this.closing = closing;
        this.jdbc = jdbc;
        this.seeds = seeds;
        this.users = users;
        this.organizations = organizations;
        this.time = time;
    }

    @Transactional
    boolean seedOnce() {
        return seeds.runOnce(SEED, DemoClaims.SEED, this::seed);
    }

    private void seed() {
        Scope supervisor = scopeOf("supervisor");
        Scope regulator = scopeOf("regulator");
        Long sloppy = jdbc.sql("SELECT id FROM organization WHERE short_name = :n").param("n", DemoMaintenance.SLOPPY_COMPANY)
                .query(Long.class).optional().orElse(null);
        LocalDate today = time.today();
        Period current = Period.quarterOf(today);
        List<Period> quarters = new ArrayList<>();
        for (Period p = current.previous(); quarters.size() < 4; p = p.previous()) {
            quarters.add(0, p);
        }
        Random random = new Random(20261129L);
        int checks = 0;
        int voteCount = 0;
        List<Period> all = new ArrayList<>(quarters);
        all.add(current);
        for (Period q : all) {
            LocalDate last = q.end().isAfter(today) ? today : q.end().minusDays(1);
            Map<Long, String> sample = new LinkedHashMap<>();
            spotChecks.sample(supervisor, 12, q.code().hashCode()).forEach(s -> sample.put(s.elevatorId(), s.sampledAs()));
            if (sloppy != null) {
                jdbc.sql("SELECT elevator_id FROM quality_elevator WHERE maintenance_company_id = :c AND in_service "
                                + "ORDER BY md5(elevator_id || :q) LIMIT 3").param("c", sloppy).param("q", q.code())
                        .query(Long.class).list().forEach(id -> sample.putIfAbsent(id, "MANUAL"));
            }
            for (Map.Entry<Long, String> s : sample.entrySet()) {
                SpotChecks.Checklist list = spotChecks.checklist(supervisor, s.getKey());
                boolean careless = sloppy != null && list.elevator().maintenanceCompanyId() != null
                        && list.elevator().maintenanceCompanyId().value() == sloppy;
                double pass = careless ? 0.80 : 0.96;
                Map<String, Boolean> items = new LinkedHashMap<>();
                for (MaintenanceItem item : list.items()) {
                    items.put(item.code(), random.nextDouble() < pass);
                }
                LocalDate day = q.start().plusDays(random.nextInt((int) (last.toEpochDay() - q.start().toEpochDay()) + 1));
                spotChecks.recordOn(supervisor, new SpotChecks.NewSpotCheck(s.getKey(), s.getValue(), items, true,
                        careless ? "多项维保未到位，已要求整改 / several items not done, rectification ordered" : null,
                        "demo:" + q.code() + ":" + s.getKey()), day);
                checks++;
            }
            List<Object[]> elevators = jdbc.sql("""
                    SELECT registration_code, maintenance_company_id FROM quality_elevator
                    WHERE in_service AND maintenance_company_id IS NOT NULL ORDER BY md5(elevator_id || :q) LIMIT 80""")
                    .param("q", q.code()).query((rs, i) -> new Object[] {rs.getString(1), rs.getLong(2)}).list();
            int voter = 0;
            for (Object[] e : elevators) {
                boolean careless = sloppy != null && sloppy.equals(e[1]);
                int n = 1 + random.nextInt(3);
                for (int k = 0; k < n; k++) {
                    Instant at = q.start().plusDays(random.nextInt((int) (last.toEpochDay() - q.start().toEpochDay()) + 1))
                            .atTime(8 + random.nextInt(12), random.nextInt(60)).atZone(LiftCareTime.ZONE).toInstant();
                    if (at.isAfter(time.now())) {
                        continue;
                    }
                    votes.vote((String) e[0], "demo-voter-" + q.code() + "-" + voter++,
                            new SatisfactionVotes.Vote(stars(random, careless), stars(random, careless), stars(random, careless)),
                            at);
                    voteCount++;
                }
            }
        }
        for (Period q : quarters) {
            closing.close(regulator, q.code());
        }
        scoring.compute(regulator, current.code());
        for (LocalDate m = current.start(); !m.isAfter(today); m = m.plusMonths(1)) {
            scoring.compute(regulator, m.toString().substring(0, 7));
        }
        log.info("Demo quality seeded: {} spot checks, {} votes, {} quarters closed and paid by score", checks, voteCount,
                quarters.size());
    }

    private static int stars(Random random, boolean careless) {
        int base = careless ? 2 + random.nextInt(3) : 3 + random.nextInt(3);
        return Math.min(5, base);
    }

    private Scope scopeOf(String username) {
        UserDirectory.UserRow user = users.list(Scope.SYSTEM).stream().filter(u -> u.username().equals(username))
                .findFirst().orElseThrow(() -> new IllegalStateException("the demo's " + username + " is missing"));
        var org = organizations.byIds(List.of(user.organizationId())).get(user.organizationId());
        return new Scope(user.id(), user.username(), user.organizationId(), user.organizationType(),
                new RegionCode(org.regionCode()), user.roles());
    }
}
