package cn.liftcare.quality;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.support.DemoData;
import cn.liftcare.support.DemoUsers;
import cn.liftcare.support.Html;
import cn.liftcare.support.LiftCareTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The veto records page: the regulator's list with its filters and links, each party's reach (a company its own, a
 * use unit those of the companies serving it and of its own elevators), the regulator's form answering a bad entry
 * beside its fields, and a good one recorded and audited. The vetoes fall in the demo's last closed quarter, whose
 * scores are frozen, so no other test's figures move.
 */
@LiftCareTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VetoPagesIT {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired LiftCareTime time;

    final String marker = "页面测试" + System.nanoTime();
    String quarter;
    LocalDate day;
    long yunhe;
    long hengan;
    long other;
    long useUnit;
    /** Against 运河电梯 as a whole; against 运河电梯 naming one of its elevators away from 小河佳苑; 恒安电梯 naming one
     * of its 小河佳苑 elevators; a company that does not serve 小河佳苑. */
    long yunheWhole;
    long yunheElsewhere;
    long henganXiaohe;
    long otherWhole;

    @BeforeAll
    void vetoes() throws Exception {
        DemoData demo = new DemoData(jdbc);
        Period last = Period.quarterOf(time.today()).previous();
        quarter = last.code();
        assertThat(jdbc.sql("SELECT status FROM quality_period WHERE period = :p").param("p", quarter).query(String.class)
                .single()).isEqualTo("CLOSED");
        day = last.start().plusDays(10);
        yunhe = demo.organization("运河电梯");
        hengan = demo.organization("恒安电梯");
        useUnit = demo.organization("小河佳苑物业");
        long owners = jdbc.sql("SELECT owners_committee_id FROM community WHERE name = '小河佳苑'").query(Long.class).single();
        other = jdbc.sql("""
                SELECT o.id FROM organization o WHERE o.type = 'MAINTENANCE_COMPANY'
                  AND EXISTS (SELECT 1 FROM quality_score s WHERE s.level = 'COMPANY' AND s.subject_id = o.id AND s.period = :p)
                  AND NOT EXISTS (SELECT 1 FROM elevator e JOIN community c ON c.id = e.community_id
                                  WHERE e.maintenance_company_id = o.id
                                    AND (e.use_unit_id = :uu OR c.use_unit_id = :uu OR c.owners_committee_id = :owners))
                ORDER BY o.id LIMIT 1""").param("p", quarter).param("uu", useUnit).param("owners", owners)
                .query(Long.class).single();
        long elsewhere = jdbc.sql("""
                SELECT e.id FROM elevator e JOIN community c ON c.id = e.community_id
                WHERE e.maintenance_company_id = :c AND e.use_unit_id <> :uu AND c.use_unit_id <> :uu
                  AND c.owners_committee_id IS DISTINCT FROM :owners ORDER BY e.id LIMIT 1""")
                .param("c", yunhe).param("uu", useUnit).param("owners", owners).query(Long.class).single();
        yunheWhole = veto(yunhe, null, "LIABILITY_ACCIDENT");
        yunheElsewhere = veto(yunhe, elsewhere, "FORGED_RECORDS");
        henganXiaohe = veto(hengan, demo.elevator("小河佳苑", "恒安电梯"), "UNCERTIFIED_STAFF");
        otherWhole = veto(other, null, "LIABILITY_ACCIDENT");
    }

    long veto(long company, Long elevator, String kind) throws Exception {
        String made = mvc.perform(post("/api/v1/quality/vetoes").with(users.as("regulator"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"companyId":%d,"elevatorId":%s,"kind":"%s","occurredOn":"%s","evidence":"%s %s"}"""
                                .formatted(company, elevator, kind, day, marker, kind)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(made, "$.id")).longValue();
    }

    Document page(String user, String... params) throws Exception {
        var request = get("/quality/vetoes").with(users.as(user));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return Html.of(mvc.perform(request).andExpect(status().isOk()));
    }

    /** The ids of this test's vetoes a page lists. */
    Set<Long> ours(Document page) {
        return page.select("#veto-list [data-veto]").stream()
                .filter(row -> row.select(".veto-evidence").text().startsWith(marker))
                .map(row -> Long.valueOf(row.attr("data-veto"))).collect(Collectors.toSet());
    }

    @Test
    void theRegulatorListsTheRegionsVetoesFiltersThemAndEachOpensTheCompanysScorecard() throws Exception {
        Document all = page("regulator");
        assertThat(ours(all)).containsExactlyInAnyOrder(yunheWhole, yunheElsewhere, henganXiaohe, otherWhole);
        assertThat(all.select("#veto-count").text()).isEqualTo("共 " + all.select("#veto-list [data-veto]").size() + " 条");
        var row = all.selectFirst("#veto-list [data-veto=" + henganXiaohe + "]");
        assertThat(row.select(".veto-company").text()).isEqualTo("恒安电梯");
        assertThat(row.select(".veto-kind").text()).isEqualTo("无证人员作业");
        assertThat(row.select(".veto-day").text()).isEqualTo(day.toString());
        assertThat(row.select(".veto-period").text()).isEqualTo(quarter);
        assertThat(row.select(".veto-elevator a").text()).isEqualTo(new DemoData(jdbc).registrationCode(
                new DemoData(jdbc).elevator("小河佳苑", "恒安电梯")));
        String regulatorName = jdbc.sql("SELECT display_name FROM app_user WHERE username = 'regulator'")
                .query(String.class).single();
        String regulatorOrg = jdbc.sql("SELECT o.name FROM app_user u JOIN organization o ON o.id = u.organization_id "
                + "WHERE u.username = 'regulator'").query(String.class).single();
        assertThat(row.select(".veto-recorded").text()).startsWith(regulatorName + "（" + regulatorOrg + "）记录于 ");
        String scorecard = row.select("a.veto-company").attr("href");
        assertThat(scorecard).isEqualTo("/quality/companies/" + hengan + "/" + quarter);
        mvc.perform(get(scorecard).with(users.as("regulator"))).andExpect(status().isOk());

        // filtered by company: exactly that company's rows in quality_veto (all in the regulator's district)
        Document yunheOnly = page("regulator", "company", String.valueOf(yunhe));
        assertThat(ours(yunheOnly)).containsExactlyInAnyOrder(yunheWhole, yunheElsewhere);
        assertThat(yunheOnly.select("#veto-list [data-veto]")).hasSize(jdbc.sql(
                "SELECT count(*) FROM quality_veto WHERE company_id = :c").param("c", yunhe).query(Integer.class).single());
        assertThat(yunheOnly.select("#veto-list [data-company]").eachAttr("data-company")).containsOnly(String.valueOf(yunhe));
        // and by period: the quarter holds them, the month after it does not, a month of it does
        assertThat(ours(page("regulator", "period", quarter))).hasSize(4);
        assertThat(ours(page("regulator", "period", Period.quarterOf(time.today()).code()))).isEmpty();
        assertThat(ours(page("regulator", "company", String.valueOf(hengan), "period",
                java.time.YearMonth.from(day).toString()))).containsExactly(henganXiaohe);

        // htmx swaps only the list
        String fragment = mvc.perform(get("/quality/vetoes").param("company", String.valueOf(yunhe))
                        .header("HX-Request", "true").with(users.as("regulator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("id=\"veto-list\"").doesNotContain("<nav").doesNotContain("veto-form");

        // reached from the ranking and the navigation; the form is the regulator's alone
        Document ranking = Html.of(mvc.perform(get("/quality").with(users.as("regulator"))).andExpect(status().isOk()));
        assertThat(ranking.select("#quality-vetoes-link").attr("href")).startsWith("/quality/vetoes?period=");
        assertThat(ranking.select("#nav-quality-vetoes").attr("href")).isEqualTo("/quality/vetoes");
        assertThat(all.select("#veto-form input[name=_csrf]")).hasSize(1);
        assertThat(page("mcmanager").select("#veto-form")).isEmpty();
    }

    @Test
    void aCompanySeesOnlyItsOwnAndAUseUnitThoseOfTheCompaniesServingItOnItsOwnElevators() throws Exception {
        assertThat(ours(page("mcmanager"))).containsExactlyInAnyOrder(yunheWhole, yunheElsewhere);
        assertThat(page("mcmanager").select("#veto-list [data-company]").eachAttr("data-company"))
                .containsOnly(String.valueOf(yunhe));
        assertThat(ours(page("mcmanager", "company", String.valueOf(hengan)))).isEmpty();
        assertThat(ours(page("maintainer2"))).containsExactly(henganXiaohe);
        for (String user : List.of("property", "owners")) {
            assertThat(ours(page(user))).as(user).containsExactlyInAnyOrder(yunheWhole, henganXiaohe);
        }
        // the filter lists only the companies in reach
        assertThat(page("mcmanager").select("#filter-company option[value]").eachAttr("value"))
                .containsExactly("", String.valueOf(yunhe));
        assertThat(page("insurer").select("#veto-list [data-veto]")).isNotEmpty();
        assertThat(ours(page("insurer"))).hasSize(4);
    }

    @Test
    void aBadFormIsAnsweredBesideItsFieldsAndAGoodOneIsRecordedAndAudited() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM quality_veto").query(Long.class).single();
        Document refused = Html.of(mvc.perform(post("/quality/vetoes").with(csrf()).with(users.as("regulator"))
                        .param("companyId", String.valueOf(yunhe)).param("occurredOn", time.today().plusDays(2).toString())
                        .param("elevator", "00000000000000000000").param("evidence", " "))
                .andExpect(status().isBadRequest()));
        assertThat(Html.errorBeside(refused, "kind")).isEqualTo("否决项只能是责任事故、伪造记录或无证作业。");
        assertThat(Html.errorBeside(refused, "occurredOn")).isEqualTo("请填写发生日期，且不能晚于今天。");
        assertThat(Html.errorBeside(refused, "elevator")).isEqualTo("您的辖区内没有注册代码为 00000000000000000000 的电梯。");
        assertThat(Html.errorBeside(refused, "evidence")).isEqualTo("请写明依据（不超过 1,000 字）。");
        assertThat(Html.errorBeside(refused, "companyId")).isNull();
        assertThat(refused.select("#veto-company option[selected]").attr("value")).isEqualTo(String.valueOf(yunhe));
        assertThat(refused.select("#veto-elevator").attr("value")).isEqualTo("00000000000000000000");
        assertThat(refused.select("#veto-form-card").hasClass("show")).isTrue();
        Document noCompany = Html.of(mvc.perform(post("/quality/vetoes").with(csrf()).with(users.as("regulator"))
                        .param("kind", "FORGED_RECORDS").param("occurredOn", day.toString()).param("evidence", "x"))
                .andExpect(status().isBadRequest()));
        assertThat(Html.errorBeside(noCompany, "companyId")).isEqualTo("请选择维保单位。");
        assertThat(noCompany.select("#veto-kind-FORGED_RECORDS[checked]")).hasSize(1);
        String english = mvc.perform(post("/quality/vetoes").param("lang", "en").with(csrf()).with(users.as("regulator"))
                .param("companyId", String.valueOf(yunhe)).param("occurredOn", day.toString()).param("kind", "FORGED_RECORDS"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(Html.errorBeside(org.jsoup.Jsoup.parse(english), "evidence")).isEqualTo("Give the evidence (at most 1,000 characters).");
        // only the regulator records, and only with the form's token
        mvc.perform(post("/quality/vetoes").with(csrf()).with(users.as("mcmanager")).param("companyId", String.valueOf(yunhe)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/quality/vetoes").with(users.as("regulator")).param("companyId", String.valueOf(yunhe)))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT count(*) FROM quality_veto").query(Long.class).single()).isEqualTo(before);

        long elevator = new DemoData(jdbc).elevator("小河佳苑", "运河电梯");
        String code = new DemoData(jdbc).registrationCode(elevator);
        String evidence = "表单 " + marker + " 维保人员无证上岗（现场检查记录 JC-2026-017）";
        mvc.perform(post("/quality/vetoes").with(csrf()).with(users.as("regulator")).param("companyId", String.valueOf(yunhe))
                        .param("kind", "UNCERTIFIED_STAFF").param("occurredOn", day.toString()).param("elevator", " " + code + " ")
                        .param("evidence", evidence))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/quality/vetoes?company=" + yunhe))
                .andExpect(flash().attribute("notice", "已记录否决项：运河电梯，无证人员作业（" + day + "）。"));
        var stored = jdbc.sql("""
                SELECT v.id, v.company_id, v.elevator_id, v.kind, v.occurred_on, v.evidence, u.username
                FROM quality_veto v JOIN app_user u ON u.id = v.recorded_by WHERE v.evidence = :e""")
                .param("e", evidence).query().singleRow();
        long id = ((Number) stored.get("id")).longValue();
        assertThat(((Number) stored.get("company_id")).longValue()).isEqualTo(yunhe);
        assertThat(((Number) stored.get("elevator_id")).longValue()).isEqualTo(elevator);
        assertThat(stored.get("kind")).isEqualTo("UNCERTIFIED_STAFF");
        assertThat(stored.get("occurred_on").toString()).isEqualTo(day.toString());
        assertThat(stored.get("username")).isEqualTo("regulator");
        var audited = jdbc.sql("SELECT actor, after_state FROM audit_entry WHERE entity_type = 'quality_veto' "
                + "AND entity_id = :id").param("id", String.valueOf(id)).query().singleRow();
        assertThat(audited.get("actor")).isEqualTo("regulator");
        assertThat((String) audited.get("after_state")).contains("UNCERTIFIED_STAFF").contains("JC-2026-017");
        Document listed = page("regulator", "company", String.valueOf(yunhe));
        assertThat(listed.select("#veto-list [data-veto=" + id + "] .veto-evidence").text()).isEqualTo(evidence);
        assertThat(page("mcmanager").select("#veto-list [data-veto=" + id + "]")).hasSize(1);
        assertThat(page("maintainer2").select("#veto-list [data-veto=" + id + "]")).isEmpty();
    }
}
