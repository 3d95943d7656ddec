package cn.liftcare.policies;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.support.DemoData;
import cn.liftcare.support.DemoUsers;
import cn.liftcare.support.Html;
import cn.liftcare.support.LiftCareTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The policy pages: the scoped list, the quote page, contract acceptance, issue, and who sees which buttons. */
@LiftCareTest
class PolicyPagesIT {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService userDetails;
    @Autowired PolicyWork work;
    @Autowired SurveyWork surveys;
    @Autowired LiftCareTime time;

    PolicyFixtures fx;
    DemoData demo;
    LocalDate today;
    long zheshang;

    @BeforeEach
    void setUp() {
        fx = new PolicyFixtures(jdbc, userDetails);
        demo = new DemoData(jdbc);
        today = time.today();
        zheshang = demo.organization("浙商财险");
    }

    /** Elevators of 小河佳苑 maintained by 运河电梯, those on the fewest policies first. */
    List<Long> xiaohe(int n) {
        return jdbc.sql("""
                SELECT e.id FROM elevator e JOIN community c ON c.id = e.community_id
                JOIN organization o ON o.id = e.maintenance_company_id
                WHERE c.name = '小河佳苑' AND o.short_name = '运河电梯' AND e.status = 'IN_SERVICE'
                ORDER BY (SELECT count(*) FROM policy_elevator pe WHERE pe.elevator_id = e.id), e.id LIMIT :n""")
                .param("n", n).query(Long.class).list();
    }

    long quote(Scope scope, List<Long> elevators, Long insurer) {
        return work.quote(scope, new PolicyWork.NewPolicy(elevators, today, 1,
                List.of(new PayerShare(PayerSource.MAINTENANCE_FUND, new BigDecimal("100"))), insurer)).id();
    }

    Document page(String url, String user) throws Exception {
        return Html.of(mvc.perform(get(url).with(users.as(user))).andExpect(status().isOk()));
    }

    static boolean lists(Document page, long policy) {
        return !page.select("#policy-table tr[data-policy=" + policy + "]").isEmpty();
    }

    @Test
    void theListShowsEachPartyItsOwnPolicies() throws Exception {
        long ours = quote(fx.user("insurer"), xiaohe(1), null);
        long renbao = demo.organization("人保财险");
        long elsewhere = jdbc.sql("""
                SELECT e.id FROM elevator e JOIN community c ON c.id = e.community_id
                JOIN organization o ON o.id = e.maintenance_company_id
                WHERE c.name = '大关苑' AND o.short_name <> '运河电梯' AND e.status = 'IN_SERVICE'
                ORDER BY e.id LIMIT 1""").query(Long.class).single();
        long theirs = quote(fx.actingFor(renbao, OrganizationType.INSURER, Role.UNDERWRITER), List.of(elsewhere), null);

        Document insurer = page("/policies", "insurer");
        assertThat(lists(insurer, ours)).isTrue();
        assertThat(lists(insurer, theirs)).as("another insurer's policy").isFalse();
        assertThat(insurer.select("#new-quote")).hasSize(1);
        assertThat(insurer.selectFirst("#policy-table tr[data-policy=" + ours + "] [data-badge]").attr("data-badge"))
                .isEqualTo("QUOTED");
        assertThat(insurer.selectFirst("#policy-table tr[data-policy=" + ours + "] a").text()).isEqualTo("待出单");

        Document property = page("/policies", "property");
        assertThat(lists(property, ours)).isTrue();
        assertThat(lists(property, theirs)).as("another community's policy").isFalse();
        assertThat(property.select("#new-quote")).hasSize(1);
        assertThat(property.select("#nav-policies")).hasSize(1);

        Document regulator = page("/policies", "regulator");
        assertThat(lists(regulator, ours)).isTrue();
        assertThat(lists(regulator, theirs)).isTrue();
        assertThat(regulator.select("#new-quote")).isEmpty();

        Document company = page("/policies", "mcmanager");
        assertThat(lists(company, ours)).as("运河电梯 is 丙方").isTrue();
        assertThat(lists(company, theirs)).isFalse();

        Document quoted = page("/policies?status=QUOTED&community=" + demo.community("小河佳苑"), "regulator");
        assertThat(lists(quoted, ours)).isTrue();
        assertThat(lists(quoted, theirs)).isFalse();
        assertThat(page("/policies?status=ISSUED", "regulator").select("[data-badge=QUOTED]")).isEmpty();

        mvc.perform(get("/policies").with(users.as("maintainer"))).andExpect(status().isForbidden());
        assertThat(page("/elevators", "maintainer").select("#nav-policies")).isEmpty();
    }

    @Test
    void theQuotePagePricesTheElevatorsAndSubmitsTheApplication() throws Exception {
        List<Long> lifts = xiaohe(2);
        long community = demo.community("小河佳苑");
        Document form = page("/policies/new", "property");
        assertThat(form.select("#community option[value=" + community + "]")).hasSize(1);
        assertThat(form.select("#insurerId option[value=" + zheshang + "]")).hasSize(1);
        assertThat(form.selectFirst("#termStart").val()).isEqualTo(today.withDayOfMonth(1).plusMonths(1).toString());
        assertThat(form.selectFirst("#payer_MAINTENANCE_FUND").val()).isEqualTo("100");

        Document list = Html.of(mvc.perform(get("/policies/new/elevators?community=" + community)
                .with(users.as("property")).header("HX-Request", "true")).andExpect(status().isOk()));
        assertThat(list.select("nav")).isEmpty();
        assertThat(list.select("#elevator-table input[name=elevatorIds]")).hasSizeGreaterThanOrEqualTo(90);
        assertThat(list.select("#elevator-" + lifts.get(0))).hasSize(1);

        Document priced = Html.of(mvc.perform(post("/policies/new/price").with(users.as("property")).with(csrf())
                .param("elevatorIds", String.valueOf(lifts.get(0)), String.valueOf(lifts.get(1)))
                .param("termStart", today.toString())).andExpect(status().isOk()));
        assertThat(priced.select("table.calculation")).hasSize(2);
        assertThat(priced.select("table.calculation").first().select("tr[data-component]")).extracting(e -> e.attr("data-component"))
                .containsExactly("quote.maintenance", "quote.parts", "quote.inspection", "quote.pension");
        assertThat(priced.selectFirst("#quote-total").text()).startsWith("2 台电梯");

        LocalDate start = today.withDayOfMonth(1).plusMonths(1);
        var wrong = Html.of(mvc.perform(post("/policies/new").with(users.as("property")).with(csrf())
                .param("community", String.valueOf(community))
                .param("elevatorIds", String.valueOf(lifts.get(0)), String.valueOf(lifts.get(1)))
                .param("termStart", start.toString()).param("instalments", "4").param("insurerId", String.valueOf(zheshang))
                .param("payer_MAINTENANCE_FUND", "30").param("payer_COMMON_INCOME", "50").param("payer_PROPERTY_COMPANY", ""))
                .andExpect(status().isOk()));
        assertThat(Html.errorBeside(wrong, "payers")).isEqualTo("各缴费方比例之和须为 100%，现为 80%。");
        assertThat(wrong.selectFirst("#elevator-" + lifts.get(1)).hasAttr("checked")).as("the ticks are kept").isTrue();
        assertThat(wrong.selectFirst("#payer_COMMON_INCOME").val()).isEqualTo("50");

        MvcResult created = mvc.perform(post("/policies/new").with(users.as("property")).with(csrf())
                        .param("community", String.valueOf(community))
                        .param("elevatorIds", String.valueOf(lifts.get(0)), String.valueOf(lifts.get(1)))
                        .param("termStart", start.toString()).param("instalments", "4")
                        .param("insurerId", String.valueOf(zheshang))
                        .param("payer_MAINTENANCE_FUND", "30").param("payer_COMMON_INCOME", "70")
                        .param("payer_PROPERTY_COMPANY", ""))
                .andExpect(status().isFound()).andReturn();
        String url = created.getResponse().getRedirectedUrl();
        assertThat(url).matches("/policies/\\d+");
        Document policy = Html.of(mvc.perform(get(url).with(users.as("property")).flashAttrs(created.getFlashMap()))
                .andExpect(status().isOk()));
        assertThat(policy.select("#step-done")).hasSize(1);
        assertThat(policy.select("#schedule tr[data-elevator]")).hasSize(2);
        assertThat(policy.select("#schedule table.calculation")).hasSize(2);
        assertThat(policy.select("#parties tr[data-role]")).extracting(e -> e.attr("data-role"))
                .containsExactly("USE_UNIT", "INSURER", "MAINTENANCE_COMPANY");
        assertThat(policy.selectFirst("#policy-term").text())
                .isEqualTo(start + " 至 " + start.plusYears(1).minusDays(1) + " 24时");
        assertThat(policy.select("#accept")).hasSize(1);
        assertThat(policy.select("#issue, #endorse-form, #renew")).isEmpty();
    }

    @Test
    void eachPartyAcceptsFromThePageOnceTheElevatorsHavePassedTheirSurvey() throws Exception {
        // a term a day after the demo's cover of 小河佳苑 ends, so the old surveys no longer count
        LocalDate start = fx.nextTerm("小河佳苑", today).plusDays(1);
        List<Long> lifts = fx.freeFrom("小河佳苑", "运河电梯", start, today, 2);
        long id = work.quote(fx.user("property"), new PolicyWork.NewPolicy(lifts, start, 1,
                List.of(new PayerShare(PayerSource.MAINTENANCE_FUND, new BigDecimal("100"))), zheshang)).id();

        MvcResult refused = mvc.perform(post("/policies/" + id + "/accept").with(users.as("property")).with(csrf()))
                .andExpect(status().isFound()).andReturn();
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) refused.getFlashMap().get("problems");
        assertThat(problems).singleElement().asString().startsWith("以下电梯尚未通过风险查勘");

        lifts.forEach(e -> surveys.record(fx.user("supervisor"), PolicyFixtures.pass(e, today)));
        MvcResult accepted = mvc.perform(post("/policies/" + id + "/accept").with(users.as("property")).with(csrf()))
                .andExpect(status().isFound()).andReturn();
        assertThat(accepted.getFlashMap().get("done")).isEqualTo("accept");

        Document property = page("/policies/" + id, "property");
        assertThat(property.selectFirst("#parties tr[data-role=USE_UNIT]").attr("data-accepted")).isEqualTo("true");
        assertThat(property.selectFirst("#parties tr[data-role=INSURER]").attr("data-accepted")).isEqualTo("false");
        assertThat(property.select("#accept")).as("accepted already").isEmpty();
        assertThat(property.select("#schedule .survey-outcome")).hasSize(2);

        assertThat(page("/policies/" + id, "insurer").selectFirst("#accept").text()).contains("乙方");
        assertThat(page("/policies/" + id, "mcmanager").selectFirst("#accept").text()).contains("丙方");
        assertThat(page("/policies/" + id, "owners").select("#accept")).as("the owners' committee is no party").isEmpty();
    }

    @Test
    void theRegulatorSeesAPolicyButNoButtonAndMayNotPost() throws Exception {
        long id = quote(fx.user("insurer"), xiaohe(1), null);
        Document page = page("/policies/" + id, "regulator");
        assertThat(page.select("#schedule tr[data-elevator]")).hasSize(1);
        assertThat(page.select("#actions")).isEmpty();
        assertThat(page.select("main form")).isEmpty();
        for (String step : List.of("accept", "issue", "endorse", "renew", "cancel")) {
            mvc.perform(post("/policies/" + id + "/" + step).with(users.as("regulator")).with(csrf())
                    .param("reason", "x").param("effectiveOn", today.toString())).andExpect(status().isForbidden());
        }
        mvc.perform(post("/policies/new").with(users.as("regulator")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/policies/new").with(users.as("regulator"))).andExpect(status().isForbidden());
    }

    @Test
    void theInsurerIssuesABoundPolicyWhichThenLinksItsCertificateAndInvoices() throws Exception {
        List<Long> lifts = fx.uninsured(1);
        Scope insurer = fx.user("insurer");
        long id = work.quote(insurer, new PolicyWork.NewPolicy(lifts, today, 2, PolicyFixtures.fundAndIncome(), null)).id();
        surveys.record(fx.user("supervisor"), PolicyFixtures.pass(lifts.get(0), today));
        work.accept(fx.actingFor(fx.useUnitOf(lifts.get(0)), OrganizationType.USE_UNIT, Role.PROPERTY_MANAGER),
                new PolicyId(id));
        for (long company : fx.companiesOf(lifts)) {
            work.accept(fx.actingFor(company, OrganizationType.MAINTENANCE_COMPANY, Role.MAINTENANCE_MANAGER),
                    new PolicyId(id));
        }
        mvc.perform(post("/policies/" + id + "/accept").with(users.as("insurer")).with(csrf()))
                .andExpect(status().isFound());
        assertThat(page("/policies/" + id, "insurer").select("#issue")).hasSize(1);
        mvc.perform(post("/policies/" + id + "/issue").with(users.as("insurer")).with(csrf()))
                .andExpect(status().isFound());

        Document issued = page("/policies/" + id, "insurer");
        assertThat(issued.selectFirst("#policy-badge").attr("data-badge")).isEqualTo("IN_FORCE");
        assertThat(issued.selectFirst("#policy-title").text()).startsWith("保单 TB" + today.getYear());
        assertThat(issued.selectFirst("#certificate").attr("href")).isEqualTo("/api/v1/policies/" + id + "/certificate.pdf");
        assertThat(issued.select("#invoices tr[data-invoice]")).as("two payers, two instalments").hasSizeGreaterThanOrEqualTo(4);
        assertThat(issued.selectFirst("#invoices a").attr("href")).startsWith("/invoices/");
        assertThat(issued.select("#endorse-form, #renew, #cancel-form")).hasSize(3);

        MvcResult noReason = mvc.perform(post("/policies/" + id + "/cancel").with(users.as("insurer")).with(csrf())
                .param("effectiveOn", today.toString()).param("reason", "")).andExpect(status().isFound()).andReturn();
        Document again = Html.of(mvc.perform(get("/policies/" + id).with(users.as("insurer"))
                .flashAttrs(noReason.getFlashMap())).andExpect(status().isOk()));
        assertThat(again.selectFirst("#cancel-form [data-error-for=reason]").text())
                .isEqualTo("请填写原因（最多 300 个字符）。");
        assertThat(again.select("[data-error-for]")).hasSize(1);

        Document regulator = page("/policies/" + id, "regulator");
        assertThat(regulator.select("#certificate")).hasSize(1);
        assertThat(regulator.select("main form")).isEmpty();
    }

    @Test
    void thePolicyPagesRenderInEnglish() throws Exception {
        long id = quote(fx.user("insurer"), xiaohe(1), null);
        for (String path : new String[] {"/policies", "/policies/new", "/policies/" + id}) {
            Document page = page(path + "?lang=en", "insurer");
            assertThat(page.select("main h1, main thead, main label.form-label, main .btn, main legend").text()).as(path)
                    .isNotBlank().doesNotContainPattern("[\\u4e00-\\u9fff]");
        }
    }
}
