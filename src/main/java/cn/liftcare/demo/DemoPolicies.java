package cn.liftcare.demo;

import java.awt.Color;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.demo.InsuranceHistory.Plan;
import cn.liftcare.demo.InsuranceHistory.Stage;
import cn.liftcare.identity.NewUser;
import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.OrganizationView;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.identity.UserDirectory;
import cn.liftcare.identity.UserManagement;
import cn.liftcare.policies.Billing;
import cn.liftcare.policies.Cover;
import cn.liftcare.policies.InvoiceKind;
import cn.liftcare.policies.InvoiceView;
import cn.liftcare.policies.PartyRole;
import cn.liftcare.policies.PayerSource;
import cn.liftcare.policies.PolicyId;
import cn.liftcare.policies.PolicyView;
import cn.liftcare.policies.PolicyWork;
import cn.liftcare.policies.SurveyFinding;
import cn.liftcare.policies.SurveyId;
import cn.liftcare.policies.SurveyItem;
import cn.liftcare.policies.SurveyOutcome;
import cn.liftcare.policies.SurveyView;
import cn.liftcare.policies.SurveyWork;
import cn.liftcare.registry.ElevatorFilter;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.registry.ElevatorQueries;
import cn.liftcare.registry.ElevatorStatus;
import cn.liftcare.registry.ElevatorView;
import cn.liftcare.registry.UseCategory;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.RegionCode;

/**
 * Nine years of 电梯养老综合保险 in the demo district ({@link InsuranceHistory}), through the policies module's
 * own services and acting as the real parties: the supervisor surveys each elevator (a few must be put right
 * first, one is declined), the underwriter quotes, the use unit, every maintenance company and the insurer
 * accept, the insurer issues a few days before the term and takes the premium on or just after each due
 * date, and renews every year up to the term running today. Of today's instalments a few are days overdue,
 * still within the grace period; one contract waits to be issued and one for its surveys.
 */
@Component
class DemoPolicies {

    static final String SEED = "policies-2017";
    private static final Logger log = LoggerFactory.getLogger(DemoPolicies.class);
    /** A payer late with an instalment is still within the 30 days' grace. */
    private static final int LATE_DAYS = 25;

    private final ElevatorQueries elevators;
    private final OrganizationDirectory organizations;
    private final UserDirectory directory;
    private final UserManagement users;
    private final PolicyWork work;
    private final SurveyWork surveys;
    private final Billing billing;
    private final Cover cover;
    private final LiftCareTime time;
    private final DemoSeeds seeds;

    DemoPolicies(ElevatorQueries elevators, OrganizationDirectory organizations, UserDirectory directory,
            UserManagement users, PolicyWork work, SurveyWork surveys, Billing billing, Cover cover, LiftCareTime time,
            DemoSeeds seeds) {
        this.elevators = elevators;
        this.organizations = organizations;
        this.directory = directory;
        this.users = users;
        this.work = work;
        this.surveys = surveys;
        this.billing = billing;
        this.cover = cover;
        this.time = time;
        this.seeds = seeds;
    }

    @Transactional
    boolean seedOnce() {
        return seeds.runOnce(SEED, DemoIncidents.SEED, this::seed);
    }

    /** What the seed did, for the log. */
    private static final class Tally {
        int policies;
        int surveys;
        int invoices;
        int payments;
    }

    private void seed() {
        LocalDate today = time.today();
        SplittableRandom random = new SplittableRandom(20170905);
        Parties parties = parties();
        Map<String, List<ElevatorView>> byCommunity = new LinkedHashMap<>();
        List<ElevatorView> residential = new ArrayList<>();
        elevators.forEachView(Scope.SYSTEM, ElevatorFilter.NONE, e -> {
            byCommunity.computeIfAbsent(e.community(), c -> new ArrayList<>()).add(e);
            if (e.useCategory() == UseCategory.RESIDENTIAL && e.status() != ElevatorStatus.SCRAPPED) {
                residential.add(e);
            }
        });
        byCommunity.values().forEach(list -> list.sort(Comparator.comparing(e -> e.id().value())));
        Set<Long> taken = new HashSet<>();
        Tally tally = new Tally();
        for (Plan plan : InsuranceHistory.PLANS) {
            contract(plan, byCommunity.getOrDefault(plan.community(), List.of()), taken, parties, today, random, tally);
        }
        List<ElevatorId> ids = residential.stream().map(ElevatorView::id).toList();
        Set<ElevatorId> insured = cover.insuredOn(ids, today);
        var years = cover.continuousYears(insured, today).values().stream().mapToInt(Integer::intValue).summaryStatistics();
        log.info("Demo policies seeded: {} policies, {} surveys, {} invoices, {} payments ({} journal entries); "
                + "{} of {} residential elevators insured today ({}%), {} to {} continuous years", tally.policies,
                tally.surveys, tally.invoices, tally.payments, tally.invoices + tally.payments, insured.size(), ids.size(),
                insured.size() * 100 / Math.max(1, ids.size()), years.getMin(), years.getMax());
    }

    /** One contract: surveys, the quote, the three parties' acceptance, issue and premium, renewed each year. */
    private void contract(Plan plan, List<ElevatorView> community, Set<Long> taken, Parties parties, LocalDate today,
            SplittableRandom random, Tally tally) {
        LocalDate start = plan.firstTerm(today);
        List<ElevatorView> eligible = community.stream()
                .filter(e -> e.status() != ElevatorStatus.SCRAPPED && e.maintenanceCompanyId() != null
                        && e.commissioningDate().isBefore(start))
                .sorted(plan.oldestFirst() ? Comparator.comparing(ElevatorView::commissioningDate)
                        : Comparator.comparing((ElevatorView e) -> e.id().value()))
                .toList();
        List<ElevatorView> picked = plan.count() == InsuranceHistory.ALL ? eligible
                : eligible.stream().filter(e -> !taken.contains(e.id().value())).limit(plan.count()).toList();
        if (picked.isEmpty()) {
            return;
        }
        surveyBefore(start, plan, picked, eligible, taken, parties.as(parties.supervisor, Role.SUPERVISOR), today,
                random, tally);
        Scope underwriter = parties.as(parties.insurers.get(plan.insurer()), Role.UNDERWRITER);
        PolicyView policy = work.quote(underwriter, new PolicyWork.NewPolicy(
                picked.stream().map(e -> e.id().value()).toList(), start, plan.instalments(), plan.payers(), null));
        tally.policies++;
        for (int term = 1; plan.stage() != Stage.QUOTED; term++) {
            acceptAll(policy, underwriter, parties);
            if (plan.stage() == Stage.BOUND) {
                return;
            }
            PolicyId id = new PolicyId(policy.id());
            work.issue(underwriter, id, policy.termStart().minusDays(7));
            collect(billing.ofPolicy(underwriter, id.value()), underwriter, plan.late(), today, random, tally);
            if (plan.terms() > 0 && term >= plan.terms() || policy.termEnd().isAfter(today)) {
                return;
            }
            policy = work.renew(underwriter, id);
            tally.policies++;
        }
    }

    /**
     * The supervisor surveys the elevators new to cover (of a contract still quoted, only every third so far),
     * mostly passing them, a few once put right; the one declined stays out of the contract.
     */
    private void surveyBefore(LocalDate start, Plan plan, List<ElevatorView> picked, List<ElevatorView> eligible,
            Set<Long> taken, Scope supervisor, LocalDate today, SplittableRandom random, Tally tally) {
        for (int i = 0; i < picked.size(); i++) {
            ElevatorView e = picked.get(i);
            boolean waiting = plan.stage() == Stage.QUOTED && i % 3 != 0;
            if (!taken.contains(e.id().value()) && !waiting) {
                SurveyOutcome outcome = random.nextInt(14) == 0 ? SurveyOutcome.RECTIFY : SurveyOutcome.PASS;
                survey(supervisor, e, surveyDay(start, today, random), outcome, today, random);
                tally.surveys++;
            }
        }
        picked.forEach(e -> taken.add(e.id().value()));
        if (plan.decline()) {
            eligible.stream().filter(e -> !taken.contains(e.id().value())).findFirst().ifPresent(e -> {
                survey(supervisor, e, surveyDay(start, today, random), SurveyOutcome.DECLINE, today, random);
                taken.add(e.id().value());
                tally.surveys++;
            });
        }
    }

    /** The use unit, then each maintenance company, then the insurer, whose acceptance binds the contract. */
    private void acceptAll(PolicyView policy, Scope underwriter, Parties parties) {
        PolicyId id = new PolicyId(policy.id());
        work.accept(parties.as(new OrganizationId(policy.useUnitId()), Role.PROPERTY_MANAGER), id);
        for (PolicyView.Party party : policy.parties()) {
            if (party.role() == PartyRole.MAINTENANCE_COMPANY) {
                work.accept(parties.as(new OrganizationId(party.orgId()), Role.MAINTENANCE_MANAGER), id);
            }
        }
        work.accept(underwriter, id);
    }

    /**
     * Premium received on the due date or a few days after it, for every instalment due before today, except
     * a late payer's instalment that fell due in the last {@value #LATE_DAYS} days.
     */
    private void collect(List<InvoiceView> invoices, Scope underwriter, PayerSource late, LocalDate today,
            SplittableRandom random, Tally tally) {
        for (InvoiceView invoice : invoices) {
            tally.invoices++;
            boolean owing = invoice.payer() == late && !invoice.dueOn().isBefore(today.minusDays(LATE_DAYS));
            if (invoice.kind() != InvoiceKind.PREMIUM || !invoice.dueOn().isBefore(today) || owing) {
                continue;
            }
            LocalDate paid = invoice.dueOn().plusDays(random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(6));
            billing.pay(underwriter, invoice.id(), new Billing.NewPayment(invoice.outstanding(),
                    paid.isAfter(today) ? today : paid, reference(invoice.payer()), "demo:invoice:" + invoice.id()));
            tally.payments++;
        }
    }

    private static String reference(PayerSource payer) {
        return switch (payer) {
            case MAINTENANCE_FUND -> "专项维修资金划拨";
            case COMMON_INCOME -> "公共收益账户转账";
            case PROPERTY_COMPANY -> "物业公司转账";
            case SUBSIDY -> "财政补贴拨付";
        };
    }

    /** Three to six weeks before the term; for a term yet to start, in the last days. */
    private static LocalDate surveyDay(LocalDate start, LocalDate today, SplittableRandom random) {
        LocalDate day = start.minusDays(20 + random.nextInt(25));
        return day.isBefore(today) ? day : today.minusDays(1 + random.nextInt(10));
    }

    /** A defect found in a survey, and what must be done before cover starts. */
    private record Defect(SurveyItem item, String finding, String rectification) {
    }

    private static final List<Defect> DEFECTS = List.of(
            new Defect(SurveyItem.DOORS, "层门自闭力不足，关门不到位", "更换层门自闭装置并复测"),
            new Defect(SurveyItem.BRAKE, "制动器闸瓦磨损接近极限", "更换制动器闸瓦，调整制动间隙"),
            new Defect(SurveyItem.EMERGENCY_ALARM, "轿厢紧急报警装置无法接通值班室", "修复五方对讲线路"),
            new Defect(SurveyItem.PIT_BUFFERS, "底坑渗水，缓冲器锈蚀", "封堵渗水点，缓冲器除锈并补油"),
            new Defect(SurveyItem.MACHINE_ROOM, "机房通风不良，温度偏高", "加装机房排风扇"));

    private void survey(Scope supervisor, ElevatorView e, LocalDate on, SurveyOutcome outcome, LocalDate today,
            SplittableRandom random) {
        List<SurveyFinding> findings = new ArrayList<>(Arrays.stream(SurveyItem.values())
                .map(i -> new SurveyFinding(i, SurveyItem.Result.OK, null)).toList());
        List<Long> photos = new ArrayList<>();
        String rectification = null;
        String note = null;
        if (outcome == SurveyOutcome.RECTIFY) {
            Defect defect = DEFECTS.get(random.nextInt(DEFECTS.size()));
            set(findings, defect.item(), SurveyItem.Result.DEFECT, defect.finding());
            rectification = defect.rectification();
        }
        else if (outcome == SurveyOutcome.DECLINE) {
            set(findings, SurveyItem.TRACTION_MACHINE, SurveyItem.Result.SEVERE, "曳引轮绳槽严重磨损，曳引绳打滑");
            set(findings, SurveyItem.SUSPENSION, SurveyItem.Result.SEVERE, "曳引绳断丝超过报废标准");
            note = "建议先行大修或整梯更新，再申请投保";
        }
        if (outcome != SurveyOutcome.PASS) {
            photos.add(surveys.uploadPhoto(supervisor,
                    DemoMaintenance.photo(new Color(120 + random.nextInt(100), 110, 90))));
        }
        SurveyView survey = surveys.record(supervisor, new SurveyWork.NewSurvey(e.id().value(), on, outcome, findings,
                note, rectification, photos));
        if (outcome == SurveyOutcome.RECTIFY) {
            LocalDate done = on.plusDays(3 + random.nextInt(8));
            surveys.confirmRectified(supervisor, new SurveyId(survey.id()), done.isAfter(today) ? today : done);
        }
    }

    private static void set(List<SurveyFinding> findings, SurveyItem item, SurveyItem.Result result, String note) {
        findings.set(item.ordinal(), new SurveyFinding(item, result, note));
    }

    /**
     * Who acts for each organisation: its demo user with the role it signs in, else its first user; 人保财险's
     * underwriter is opened here, as no earlier seed needed one.
     */
    private Parties parties() {
        Map<OrganizationId, OrganizationView> orgs = new HashMap<>();
        for (OrganizationType type : OrganizationType.values()) {
            organizations.ofType(Scope.SYSTEM, type).forEach(o -> orgs.put(o.id(), o));
        }
        Map<String, OrganizationId> insurers = new HashMap<>();
        orgs.values().stream().filter(o -> o.type() == OrganizationType.INSURER)
                .forEach(o -> insurers.put(o.shortName(), o.id()));
        if (users.byUsername("picc").isEmpty()) {
            users.open(new NewUser(insurers.get(InsuranceHistory.PICC), "picc", "钱核保（人保财险）", DemoDistrict.PASSWORD,
                    null, Set.of(Role.UNDERWRITER, Role.ADJUSTER)));
        }
        Map<OrganizationId, List<UserDirectory.UserRow>> people = new HashMap<>();
        directory.list(Scope.SYSTEM).forEach(u -> people.computeIfAbsent(u.organizationId(), o -> new ArrayList<>()).add(u));
        OrganizationId supervisor = orgs.values().stream().filter(o -> o.type() == OrganizationType.SUPERVISOR)
                .findFirst().orElseThrow().id();
        return new Parties(orgs, people, insurers, supervisor);
    }

    private record Parties(Map<OrganizationId, OrganizationView> orgs,
            Map<OrganizationId, List<UserDirectory.UserRow>> people, Map<String, OrganizationId> insurers,
            OrganizationId supervisor) {

        /** The organisation acting in a role, through the user who holds it there (or a colleague). */
        Scope as(OrganizationId org, Role role) {
            OrganizationView o = orgs.get(org);
            List<UserDirectory.UserRow> staff = people.getOrDefault(org, List.of());
            UserDirectory.UserRow user = staff.stream().filter(u -> u.roles().contains(role)).findFirst()
                    .or(() -> staff.stream().filter(u -> u.roles().contains(Role.SAFETY_MANAGER)).findFirst())
                    .orElseGet(() -> staff.stream().findFirst()
                            .orElseThrow(() -> new IllegalStateException("nobody at " + o.displayName())));
            return new Scope(user.id(), user.username(), org, o.type(), new RegionCode(o.regionCode()), Set.of(role));
        }
    }
}
