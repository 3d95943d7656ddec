package cn.liftcare.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.Scope;
import cn.liftcare.identity.UserDirectory;
import cn.liftcare.pension.PensionCaseId;
import cn.liftcare.pension.PensionCaseView;
import cn.liftcare.pension.PensionComponent;
import cn.liftcare.pension.PensionDesk;
import cn.liftcare.policies.PayerSource;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.Money;

/**
 * The pension in 小河佳苑, whose reserves the premium payments of the demo policies already built: the oldest
 * elevator's whole replacement, completed under the pension three months ago, and another one's traction machine
 * renewal in progress (assessed, quoted and approved by the owners, waiting for the insurer). Each step is taken
 * by the party whose step it is, through the same desk as the pages.
 */
@Component
class DemoPension {

    static final String SEED = "pension-2025";
    private static final Logger log = LoggerFactory.getLogger(DemoPension.class);
    /** A 1×1 PNG: the demo's stand-in for the assessor's site photo. */
    private static final byte[] PHOTO = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private final PensionDesk desk;
    private final JdbcClient jdbc;
    private final DemoSeeds seeds;
    private final UserDirectory users;
    private final OrganizationDirectory organizations;
    private final LiftCareTime time;

    DemoPension(PensionDesk desk, JdbcClient jdbc, DemoSeeds seeds, UserDirectory users,
            OrganizationDirectory organizations, LiftCareTime time) {
        this.desk = desk;
        this.jdbc = jdbc;
        this.seeds = seeds;
        this.users = users;
        this.organizations = organizations;
        this.time = time;
    }

    @Transactional
    boolean seedOnce() {
        return seeds.runOnce(SEED, DemoPolicies.SEED, this::seed);
    }

    private void seed() {
        List<Long> elevators = jdbc.sql("""
                SELECT e.id FROM elevator e JOIN community c ON c.id = e.community_id
                JOIN organization o ON o.id = e.maintenance_company_id
                WHERE c.name = '小河佳苑' AND o.short_name = '运河电梯' AND e.status = 'IN_SERVICE'
                ORDER BY e.commissioning_date, e.id LIMIT 2""").query(Long.class).list();
        if (elevators.size() < 2) {
            return;
        }
        Instant now = time.now();
        Scope property = scope("property");
        Scope supervisor = scope("supervisor");
        Scope owners = scope("owners");
        Scope insurer = scope("insurer");
        Scope company = scope("mcmanager");

        // the whole replacement: opened four months ago, decided three months ago, completed two months ago
        Instant opened = now.minus(Duration.ofDays(125));
        PensionCaseView whole = desk.open(property, new PensionDesk.NewCase(elevators.get(0),
                PensionComponent.WHOLE_ELEVATOR, "主机、控制柜、门系统多处达到报废条件，故障频发，业主大会同意整梯更新",
                "demo-whole-" + elevators.get(0)), opened);
        PensionCaseId wholeId = new PensionCaseId(whole.id());
        prepare(wholeId, supervisor, property, owners, opened, "整梯更新", "168000", "158000",
                "曳引机制动器、曳引轮槽、控制柜主板、门机均达到 GB/T 31821 报废条件；照片见附件");
        desk.decide(insurer, wholeId, new PensionDesk.Decision(PensionDesk.Action.APPROVE,
                "评估、报价与业委会决议齐全，按连续投保年数分担", "demo-whole-decision"), opened.plus(Duration.ofDays(30)));
        desk.complete(company, wholeId, new PensionDesk.Completion(
                java.time.LocalDate.ofInstant(now, LiftCareTime.ZONE).minusDays(60)));

        // the traction machine renewal in progress: waiting for the insurer
        Instant begun = now.minus(Duration.ofDays(20));
        PensionCaseView drive = desk.open(company, new PensionDesk.NewCase(elevators.get(1),
                PensionComponent.DRIVE_MACHINE, "曳引机减速箱漏油、异响，制动器衬片磨损超限", "demo-drive-" + elevators.get(1)),
                begun);
        prepare(new PensionCaseId(drive.id()), supervisor, company, owners, begun, "曳引机更新", "42000", "38500",
                "减速箱蜗轮磨损、制动衬片厚度低于限值，达到 GB/T 31821 驱动主机报废条件");
        log.info("Demo pension seeded: case {} completed (whole replacement), case {} waiting for the insurer",
                whole.number(), drive.number());
    }

    private void prepare(PensionCaseId id, Scope assessor, Scope quoter, Scope owners, Instant from, String work,
            String first, String second, String findings) {
        desk.addEvidence(assessor, id, "现场照片.png", PHOTO);
        desk.assess(assessor, id, new PensionDesk.Assessment(true, findings), from.plus(Duration.ofDays(3)));
        desk.quote(quoter, id, new PensionDesk.NewQuotation("运河电梯", Money.of(first), work + "，含拆旧、安装、调试"),
                from.plus(Duration.ofDays(6)));
        desk.quote(quoter, id, new PensionDesk.NewQuotation("杭州西子电梯工程", Money.of(second), work + "，含拆旧、安装、调试"),
                from.plus(Duration.ofDays(8)));
        desk.approve(owners, id, new PensionDesk.Approval(2, List.of(
                new PensionDesk.FundingShare(PayerSource.MAINTENANCE_FUND, new BigDecimal("60")),
                new PensionDesk.FundingShare(PayerSource.COMMON_INCOME, new BigDecimal("40"))),
                "业主大会表决通过，选择较低报价"), from.plus(Duration.ofDays(12)));
    }

    private Scope scope(String username) {
        UserDirectory.UserRow user = users.list(Scope.SYSTEM).stream().filter(u -> u.username().equals(username))
                .findFirst().orElseThrow(() -> new IllegalStateException("the demo user " + username + " is missing"));
        var org = organizations.byIds(List.of(user.organizationId())).get(user.organizationId());
        return new Scope(user.id(), user.username(), user.organizationId(), user.organizationType(),
                new cn.liftcare.shared.RegionCode(org.regionCode()), user.roles());
    }
}
