package cn.liftcare.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import cn.liftcare.identity.Scope;
import cn.liftcare.identity.security.LiftCareUser;
import cn.liftcare.ledger.Books;
import cn.liftcare.policies.Billing;
import cn.liftcare.policies.Cover;
import cn.liftcare.policies.InvoiceView;
import cn.liftcare.policies.PolicyQueries;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.support.DemoData;
import cn.liftcare.support.LiftCareTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's nine years of policies tell Gongshu's story, and leave work waiting for each party today. */
@LiftCareTest
class DemoPoliciesIT {

    /*
     * Other tests share this database: they insure elevators no policy has named, and one lapses every policy with
     * premium unpaid 60 days from now. So the figures are over the demo's own policies (quoted before the seed
     * completed), and cover is checked today, which such a lapse (from the end of the grace period on) leaves alone.
     */
    static final String DEMO_POLICIES = " (SELECT id FROM policy WHERE quoted_at <= "
            + "(SELECT seeded_at FROM demo_seed WHERE name = 'policies-2017')) ";
    static final String DEMO_ELEVATORS = " (SELECT entity_id::bigint FROM audit_entry WHERE entity_type = 'elevator' "
            + "AND actor = 'system' AND action = 'CREATE') ";
    static final LocalDate FIRST_POLICIES = LocalDate.of(2017, 9, 5);

    @Autowired Cover cover;
    @Autowired Billing billing;
    @Autowired PolicyQueries queries;
    @Autowired Books books;
    @Autowired DemoPolicies policies;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired LiftCareTime time;

    LocalDate today;
    DemoData demo;

    @BeforeEach
    void setUp() {
        today = time.today();
        demo = new DemoData(jdbc);
    }

    Scope scope(String username) {
        return ((LiftCareUser) users.loadUserByUsername(username)).scope();
    }

    List<Long> elevatorsOf(String community) {
        return jdbc.sql("""
                SELECT e.id FROM elevator e JOIN community c ON c.id = e.community_id WHERE c.name = :c
                  AND e.id IN""" + DEMO_ELEVATORS + " ORDER BY e.id").param("c", community).query(Long.class).list();
    }

    Optional<Cover.ElevatorCover> coverToday(long elevator) {
        return cover.on(new ElevatorId(elevator), today);
    }

    boolean isDemoPolicy(long policy) {
        return jdbc.sql("SELECT count(*) > 0 FROM policy WHERE id = :id AND id IN" + DEMO_POLICIES).param("id", policy)
                .query(Boolean.class).single();
    }

    @Test
    void xiaoheJiayuansWholeEstateIsInsuredAndItsFirstTwoSinceTheFirstPoliciesOfSeptember2017() {
        List<Long> xiaohe = elevatorsOf(DemoCatalogue.XIAOHE);
        assertThat(xiaohe).hasSize(94);
        assertThat(xiaohe).allSatisfy(e -> assertThat(coverToday(e)).as("elevator " + e).get()
                .satisfies(c -> assertThat(isDemoPolicy(c.policyId())).isTrue()));
        int years = Period.between(FIRST_POLICIES, today).getYears();
        for (long first : xiaohe.subList(0, 2)) {
            Cover.ElevatorCover c = coverToday(first).orElseThrow();
            assertThat(c.continuousSince()).isEqualTo(FIRST_POLICIES);
            assertThat(c.continuousYears()).isEqualTo(years).isGreaterThanOrEqualTo(9);
        }
        assertThat(coverToday(xiaohe.get(2)).orElseThrow().continuousSince()).isEqualTo(LocalDate.of(2018, 9, 5));
        assertThat(jdbc.sql("""
                SELECT DISTINCT p.rate_version FROM policy p JOIN policy_elevator pe ON pe.policy_id = p.id
                WHERE pe.elevator_id = :e AND p.term_start = :first""").param("e", xiaohe.get(0))
                .param("first", FIRST_POLICIES).query(String.class).list())
                .as("the first policy keeps the rates it was written under").containsExactly("2017-09");
    }

    @Test
    void daHuDongYuansFirstPolicyCostAboutNineThousandFourHundredAndTwentyYuan() {
        BigDecimal premium = jdbc.sql("""
                SELECT pe.annual_premium FROM policy p JOIN policy_elevator pe ON pe.policy_id = p.id
                WHERE p.community_id = :c AND p.term_start = :first AND p.id IN""" + DEMO_POLICIES)
                .param("c", demo.community("大浒东苑")).param("first", FIRST_POLICIES).query(BigDecimal.class).single();
        assertThat(premium).isBetween(new BigDecimal("9000"), new BigDecimal("9800"));
    }

    @Test
    void qingShaGesFourElevatorsAreInsuredByPiccWithThirtyPercentFromTheMaintenanceFund() {
        List<Long> qingsha = elevatorsOf("青莎阁");
        assertThat(qingsha).hasSize(4);
        long picc = demo.organization("人保财险");
        for (long e : qingsha) {
            Cover.ElevatorCover c = coverToday(e).orElseThrow();
            assertThat(c.insurerId()).isEqualTo(picc);
            assertThat(c.continuousSince()).isEqualTo(LocalDate.of(2020, 6, 1));
            Map<String, BigDecimal> payers = jdbc.sql("SELECT source, percent FROM policy_payer WHERE policy_id = :p")
                    .param("p", c.policyId()).query((rs, i) -> Map.entry(rs.getString(1), rs.getBigDecimal(2))).list()
                    .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(payers).containsOnlyKeys("MAINTENANCE_FUND", "COMMON_INCOME");
            assertThat(payers.get("MAINTENANCE_FUND")).isEqualByComparingTo("30");
        }
    }

    @Test
    void aboutSixtyPercentOfTheResidentialElevatorsAreInsuredTodayForOneToNineYears() {
        List<Long> residential = jdbc.sql("SELECT id FROM elevator WHERE use_category = 'RESIDENTIAL' "
                + "AND status <> 'SCRAPPED' AND id IN" + DEMO_ELEVATORS).query(Long.class).list();
        List<Long> insured = jdbc.sql("""
                SELECT DISTINCT pe.elevator_id FROM policy_elevator pe JOIN policy p ON p.id = pe.policy_id
                WHERE p.issued_on IS NOT NULL AND pe.cover_from <= :today AND pe.cover_to > :today
                  AND p.id IN""" + DEMO_POLICIES + " AND pe.elevator_id IN (:residential)")
                .param("today", today).param("residential", residential).query(Long.class).list();
        assertThat(insured.size() * 100.0 / residential.size()).as("share insured today").isBetween(55.0, 65.0);
        IntSummaryStatistics years = cover.continuousYears(insured.stream().map(ElevatorId::new).toList(), today)
                .values().stream().mapToInt(Integer::intValue).summaryStatistics();
        assertThat(years.getMin()).isEqualTo(1);
        assertThat(years.getMax()).isEqualTo(Period.between(FIRST_POLICIES, today).getYears());
        assertThat(jdbc.sql("SELECT count(DISTINCT community_id) FROM policy WHERE issued_on IS NOT NULL AND id IN"
                + DEMO_POLICIES).query(Long.class).single()).isGreaterThanOrEqualTo(12);
    }

    @Test
    void premiumIsPaidUpExceptAFewInstalmentsDaysOverdueAndTheBooksBalance() {
        Scope regulator = scope("regulator");
        List<InvoiceView> overdue = billing.list(regulator, InvoiceView.State.OVERDUE, null, 1000).stream()
                .filter(i -> isDemoPolicy(i.policyId())).toList();
        assertThat(overdue).hasSizeBetween(2, 3);
        assertThat(overdue).allSatisfy(i -> assertThat(i.dueOn()).as("within the 30 days' grace")
                .isAfter(today.minusDays(30)));
        assertThat(jdbc.sql("""
                SELECT count(*) FROM premium_invoice i WHERE i.policy_id IN""" + DEMO_POLICIES + """
                  AND i.kind = 'PREMIUM' AND i.due_on < :today
                  AND i.amount > coalesce((SELECT sum(amount) FROM premium_payment WHERE invoice_id = i.id), 0)""")
                .param("today", today).query(Long.class).single()).as("everything else due is paid")
                .isEqualTo(overdue.size());
        assertThat(jdbc.sql("SELECT count(*) FROM premium_payment WHERE idempotency_key LIKE 'demo:invoice:%'")
                .query(Long.class).single()).isGreaterThan(200);
        assertThat(books.trialBalance(today, null).balanced()).isTrue();
    }

    @Test
    void theSupervisorHasSurveysToDoAndTheInsurerABoundContractToIssue() {
        List<PolicyQueries.SurveyDue> due = queries.surveysDue(scope("supervisor"));
        assertThat(due).anyMatch(d -> "祥符桥新苑".equals(d.communityName()) && isDemoPolicy(d.policyId()));
        assertThat(jdbc.sql("SELECT count(*) FROM policy WHERE status = 'BOUND' AND id IN" + DEMO_POLICIES)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM risk_survey WHERE outcome = 'RECTIFY' AND rectified_on IS NOT NULL")
                .query(Long.class).single()).isGreaterThanOrEqualTo(3);
        List<Long> declined = jdbc.sql("SELECT elevator_id FROM risk_survey WHERE outcome = 'DECLINE' AND elevator_id IN"
                + DEMO_ELEVATORS).query(Long.class).list();
        assertThat(declined).isNotEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM policy_elevator WHERE elevator_id IN (:ids) AND policy_id IN"
                + DEMO_POLICIES).param("ids", declined).query(Long.class).single()).as("declined stays uninsured")
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM risk_survey_photo rp JOIN risk_survey s ON s.id = rp.risk_survey_id "
                + "WHERE s.outcome <> 'PASS'").query(Long.class).single()).isGreaterThanOrEqualTo(declined.size());
    }

    @Test
    void seedingTwiceSeedsOnce() {
        long count = jdbc.sql("SELECT count(*) FROM policy").query(Long.class).single();
        assertThat(policies.seedOnce()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM policy").query(Long.class).single()).isEqualTo(count);
    }
}
