package cn.liftcare.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.Role;
import cn.liftcare.incidents.RepairPart;
import cn.liftcare.policies.PolicyFixtures;
import cn.liftcare.policies.PolicyView;
import cn.liftcare.policies.PolicyWork;
import cn.liftcare.policies.SurveyWork;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.Money;
import cn.liftcare.support.DemoData;
import cn.liftcare.support.DemoUsers;
import cn.liftcare.support.Html;
import cn.liftcare.support.LiftCareTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The claims pages as the adjuster, the maintenance company and the use unit use them, on new elevators of a
 * community of 小河佳苑's use unit (and one of another use unit's), insured from today.
 */
@LiftCareTest
class ClaimPagesIT {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService userDetails;
    @Autowired PolicyWork policies;
    @Autowired SurveyWork surveys;
    @Autowired ClaimDesk desk;
    @Autowired LiftCareTime time;

    PolicyFixtures fx;
    DemoData demo;
    LocalDate today;

    @BeforeEach
    void setUp() {
        fx = new PolicyFixtures(jdbc, userDetails);
        demo = new DemoData(jdbc);
        today = time.today();
    }

    /** A community of 小河佳苑's use unit for these tests, so 小河佳苑 keeps its elevators. */
    long ourCommunity() throws Exception {
        var found = jdbc.sql("SELECT id FROM community WHERE name = '理赔页面测试苑'").query(Long.class).optional();
        if (found.isPresent()) {
            return found.get();
        }
        mvc.perform(post("/api/v1/communities").with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"districtCode":"330105","street":"小河街道","name":"理赔页面测试苑","useUnitId":%d}
                        """.formatted(demo.organization("小河佳苑物业")))).andExpect(status().isCreated());
        return demo.community("理赔页面测试苑");
    }

    /** A community of the district whose use unit is not 小河佳苑's. */
    long anotherCommunity() {
        return jdbc.sql("""
                SELECT e.community_id FROM elevator e JOIN community c ON c.id = e.community_id
                WHERE c.use_unit_id <> :u AND (c.owners_committee_id IS NULL OR c.owners_committee_id <> :o)
                ORDER BY e.id LIMIT 1""").param("u", demo.organization("小河佳苑物业"))
                .param("o", demo.organization("小河佳苑业委会")).query(Long.class).single();
    }

    /** A new traction elevator in service since 2012, registered by the admin, maintained by the company. */
    long newElevator(long community, long company) throws Exception {
        String code;
        int n = 0;
        do {
            code = "3110330105" + "2027" + String.format("%06d", (System.nanoTime() / 1000 + n++) % 1_000_000);
        }
        while (jdbc.sql("SELECT count(*) FROM elevator WHERE registration_code = :c").param("c", code)
                .query(Long.class).single() > 0);
        String created = mvc.perform(post("/api/v1/elevators").with(users.as("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"registrationCode":"%s","type":"TRACTION","brand":"康力","model":"KLK2","manufactureDate":"2012-01-10",
                         "commissioningDate":"2012-06-01","stops":18,"ratedLoadKg":1000,"ratedSpeed":1.75,
                         "useCategory":"RESIDENTIAL","communityId":%d,"building":"88幢","unit":"1单元",
                         "maintenanceCompanyId":%d}
                        """.formatted(code, community, company)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(created, "$.id")).longValue();
    }

    long insuredElevator(long community, long company) throws Exception {
        long lift = newElevator(community, company);
        fx.insure(policies, surveys, List.of(lift), today, today);
        return lift;
    }

    long part(String code) {
        return jdbc.sql("SELECT id FROM part WHERE code = :c").param("c", code).query(Long.class).single();
    }

    /** Filed by the elevator's company at twice the guide price and with no evidence: referred. */
    ClaimView referred(long lift) {
        long company = fx.companiesOf(List.of(lift)).get(0);
        return desk.file(fx.actingFor(company, OrganizationType.MAINTENANCE_COMPANY, Role.MAINTENANCE_MANAGER),
                new ClaimDesk.NewClaim(lift, "PARTS", today, Cause.WEAR, List.of(new ClaimDesk.NewLine(part("DO-MC"),
                        RepairPart.Action.REPLACE, 1, Money.ofYuan(4000))), new BigDecimal("3"), null, "门机电机烧毁",
                        "pages-" + lift));
    }

    @Test
    void theAdjusterFindsAReferredClaimInTheQueueReadsItsFindingsAndApprovesIt() throws Exception {
        long lift = insuredElevator(ourCommunity(), demo.organization("运河电梯"));
        ClaimView claim = referred(lift);
        assertThat(claim.status()).isEqualTo(ClaimStatus.REFERRED);

        Document queue = Html.of(mvc.perform(get("/claims").param("queue", "true").param("rule", "price")
                .with(users.as("insurer"))).andExpect(status().isOk()));
        assertThat(queue.select("tr[data-claim=" + claim.id() + "] a").first().attr("href"))
                .isEqualTo("/claims/" + claim.id());
        assertThat(Integer.parseInt(queue.select("#queue-filters a[data-rule=price] .badge").text())).isPositive();
        assertThat(queue.select("#queue-filters a[data-rule=price]").hasClass("btn-primary")).isTrue();
        Document others = Html.of(mvc.perform(get("/claims").param("queue", "true").param("rule", "cover.warranty")
                .with(users.as("insurer"))));
        assertThat(others.select("tr[data-claim=" + claim.id() + "]")).as("not a warranty finding").isEmpty();

        String path = "/claims/" + claim.id();
        Document page = Html.of(mvc.perform(get(path).with(users.as("insurer"))).andExpect(status().isOk()));
        assertThat(page.select("#claim-status .claim-status").attr("data-status")).isEqualTo("REFERRED");
        assertThat(page.select("#claim-lines tbody tr")).hasSize(1);
        var price = page.select("#claim-findings li[data-rule=price]");
        assertThat(price.attr("data-result")).isEqualTo("REFER");
        assertThat(price.select(".text-orange").first().text()).isEqualTo("⚑");
        assertThat(price.select("a.evidence-link").attr("href")).isEqualTo("/repair-orders/parts?q=DO-MC");
        assertThat(page.select("#claim-findings li[data-rule='cover.policy'] a.evidence-link").attr("href"))
                .isEqualTo("/policies/" + claim.policyId());
        assertThat(page.select("#claim-findings li[data-rule='cover.policy'] .text-success").first().text()).isEqualTo("✓");
        Document english = Html.of(mvc.perform(get(path).param("lang", "en").with(users.as("insurer")))
                .andExpect(status().isOk()));
        assertThat(english.select("#claim-status").text()).isEqualTo("Referred");
        assertThat(english.select("#claim-findings li[data-rule=price] .fw-semibold").text()).isEqualTo("Price");
        assertThat(english.html()).doesNotContain("??");
        String key = page.select("#decision-form input[name=idempotencyKey]").val();
        assertThat(key).hasSize(36);
        assertThat(page.select("#amount").val()).isEqualTo(claim.assessed().toString());

        Document noReason = Html.of(mvc.perform(post(path + "/decisions").param("action", "APPROVE")
                .param("amount", claim.assessed().toString()).param("reason", " ").param("idempotencyKey", key)
                .with(csrf()).with(users.as("insurer"))).andExpect(status().isOk()));
        assertThat(Html.errorBeside(noReason, "reason")).isEqualTo("请写明理由（最多 500 个字符）。");
        assertThat(noReason.select("#decision-form input[name=idempotencyKey]").val()).as("the same key").isEqualTo(key);

        mvc.perform(post(path + "/decisions").param("action", "APPROVE").param("amount", claim.assessed().toString())
                        .param("reason", "核对发票，按指导价核定").param("idempotencyKey", key).with(csrf())
                        .with(users.as("insurer")))
                .andExpect(redirectedUrl(path));
        Document paid = Html.of(mvc.perform(get(path).with(users.as("insurer"))).andExpect(status().isOk()));
        assertThat(paid.select("#claim-status .claim-status").attr("data-status")).isEqualTo("PAID");
        assertThat(paid.select("#claim-status").text()).isEqualTo("已赔付");
        assertThat(paid.select("#decision-form")).as("a closed claim takes no decision").isEmpty();
        assertThat(paid.select("#claim-decisions tr[data-action=APPROVE]")).hasSize(1);
        mvc.perform(post(path + "/decisions").param("action", "APPROVE").param("amount", claim.assessed().toString())
                        .param("reason", "再批一次").param("idempotencyKey", "pages-again-" + claim.id()).with(csrf())
                        .with(users.as("insurer")))
                .andExpect(status().isOk());
    }

    @Test
    void theMaintenanceManagerFilesAClaimAndLandsOnItsPageWithTheDecision() throws Exception {
        long lift = insuredElevator(ourCommunity(), demo.organization("运河电梯"));
        Document form = Html.of(mvc.perform(get("/claims/new").with(users.as("mcmanager"))).andExpect(status().isOk()));
        String key = form.select("#claim-form input[name=idempotencyKey]").val();
        assertThat(key).hasSize(36);
        assertThat(form.select("#part-line-template")).hasSize(1);

        Document empty = Html.of(mvc.perform(post("/claims/new").param("elevator", demo.registrationCode(lift))
                .param("section", "PARTS").param("lossDate", today.toString()).param("idempotencyKey", key)
                .with(csrf()).with(users.as("mcmanager"))).andExpect(status().isOk()));
        assertThat(Html.errorBeside(empty, "lines")).isEqualTo("请填写 1 到 50 个配件。");
        Document unknown = Html.of(mvc.perform(post("/claims/new").param("elevator", "00000000000000000000")
                .param("idempotencyKey", key).with(csrf()).with(users.as("mcmanager"))).andExpect(status().isOk()));
        assertThat(Html.errorBeside(unknown, "elevatorId")).isEqualTo("找不到这台电梯，或不在你的范围内。");

        MvcResult filed = mvc.perform(post("/claims/new").param("elevator", demo.registrationCode(lift))
                        .param("section", "PARTS").param("lossDate", today.toString()).param("cause", "WEAR")
                        .param("partId", String.valueOf(part("DO-MC"))).param("action", "REPLACE")
                        .param("quantity", "1").param("unitPrice", "2000.00").param("labourHours", "3")
                        .param("description", "门机电机烧毁，更换").param("idempotencyKey", key)
                        .with(csrf()).with(users.as("mcmanager")))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = filed.getResponse().getRedirectedUrl();
        assertThat(location).matches("/claims/\\d+");
        Document page = Html.of(mvc.perform(get(location).flashAttrs(filed.getFlashMap()).with(users.as("mcmanager")))
                .andExpect(status().isOk()));
        assertThat(page.select("#claim-filed").text()).isEqualTo("报案已受理：已转理赔员审核，原因见下方定损发现。");
        assertThat(page.select("#claim-status .claim-status").attr("data-status")).isEqualTo("REFERRED");
        assertThat(page.select("#claim-findings li[data-rule='evidence.link']").attr("data-result")).isEqualTo("REFER");
        assertThat(page.select("#claim-findings li[data-rule=price]").attr("data-result")).isEqualTo("PASS");
        assertThat(page.select("#decision-form")).as("the company does not decide").isEmpty();

        mvc.perform(post("/claims/new").param("elevator", String.valueOf(lift)).param("section", "PARTS")
                        .param("lossDate", today.toString()).param("partId", String.valueOf(part("DO-MC")))
                        .param("action", "REPLACE").param("quantity", "1").param("unitPrice", "2000.00")
                        .param("idempotencyKey", key).with(csrf()).with(users.as("mcmanager")))
                .andExpect(redirectedUrl(location));
    }

    @Test
    void theUseUnitSeesItsCommunitiesClaimsAndNotAnotherCommunitys() throws Exception {
        ClaimView ours = referred(insuredElevator(ourCommunity(), demo.organization("运河电梯")));
        ClaimView theirs = referred(insuredElevator(anotherCommunity(), demo.organization("恒安电梯")));

        Document list = Html.of(mvc.perform(get("/claims").with(users.as("property"))).andExpect(status().isOk()));
        assertThat(list.select("tr[data-claim=" + ours.id() + "]")).hasSize(1);
        assertThat(list.select("tr[data-claim=" + theirs.id() + "]")).isEmpty();
        assertThat(list.select("#tab-queue")).as("the queue is the adjuster's").isEmpty();
        Document page = Html.of(mvc.perform(get("/claims/" + ours.id()).with(users.as("property")))
                .andExpect(status().isOk()));
        assertThat(page.select("#decision-form")).isEmpty();
        mvc.perform(get("/claims/" + theirs.id()).with(users.as("property"))).andExpect(status().isNotFound());
        mvc.perform(get("/claims").param("q", theirs.number()).with(users.as("property"))).andExpect(status().isOk());
        mvc.perform(get("/claims").param("q", ours.number()).with(users.as("property")))
                .andExpect(redirectedUrl("/claims/" + ours.id()));
    }

    @Test
    void aMaintainerMayNotReadClaims() throws Exception {
        mvc.perform(get("/claims").with(users.as("maintainer"))).andExpect(status().isForbidden());
        mvc.perform(get("/claims/new").with(users.as("maintainer"))).andExpect(status().isForbidden());
        Document nav = Html.of(mvc.perform(get("/").with(users.as("maintainer"))));
        assertThat(nav.select("#nav-claims")).isEmpty();
        assertThat(Html.of(mvc.perform(get("/").with(users.as("owners")))).select("#nav-claims")).hasSize(1);
    }

    @Test
    void thePayoutsAndMetricsPagesShowWhatWasPaid() throws Exception {
        long lift = insuredElevator(ourCommunity(), demo.organization("运河电梯"));
        ClaimView claim = referred(lift);
        mvc.perform(post("/claims/" + claim.id() + "/decisions").param("action", "ADJUST").param("amount", "2000.00")
                .param("reason", "按指导价核定").with(csrf()).with(users.as("supervisor")))
                .andExpect(redirectedUrl("/claims/" + claim.id()));

        Document own = Html.of(mvc.perform(get("/claims/payouts").with(users.as("mcmanager"))).andExpect(status().isOk()));
        assertThat(own.select("#payouts tr[data-claim=" + claim.id() + "]")).hasSize(1);
        assertThat(own.select("#payouts-filter")).as("a company sees its own").isEmpty();
        Document picked = Html.of(mvc.perform(get("/claims/payouts").param("company",
                String.valueOf(demo.organization("运河电梯"))).with(users.as("insurer"))).andExpect(status().isOk()));
        assertThat(picked.select("#payouts tr[data-claim=" + claim.id() + "]")).hasSize(1);
        assertThat(Html.of(mvc.perform(get("/claims/payouts").with(users.as("regulator")))).select("#payouts-choose"))
                .hasSize(1);

        Document metrics = Html.of(mvc.perform(get("/claims/metrics").with(users.as("insurer"))).andExpect(status().isOk()));
        assertThat(Integer.parseInt(metrics.select("#metric-submitted").text())).isPositive();
        assertThat(metrics.select("#reasons-chart")).hasSize(1);
        assertThat(metrics.select("#loss-ratio-insurer tbody tr").text()).contains("浙商财险");
        mvc.perform(get("/claims/metrics").param("from", "2026-05-01").param("to", "2026-04-01")
                .with(users.as("regulator"))).andExpect(status().isOk());
    }
}
