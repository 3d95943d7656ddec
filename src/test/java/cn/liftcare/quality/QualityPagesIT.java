package cn.liftcare.quality;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.support.DemoUsers;
import cn.liftcare.support.Html;
import cn.liftcare.support.LiftCareTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The quality pages: ranking, scorecard and drill-down, the spot-check form, the standard editor, the vote. */
@LiftCareTest
class QualityPagesIT {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired LiftCareTime time;

    String lastQuarter() {
        return Period.quarterOf(time.today()).previous().code();
    }

    long company(String name) {
        return jdbc.sql("SELECT id FROM organization WHERE short_name = :n").param("n", name).query(Long.class).single();
    }

    @Test
    void theRankingLinksEachCompanyToItsScorecardWithTrendAndDrillDown() throws Exception {
        Document ranking = Html.of(mvc.perform(get("/quality").param("period", lastQuarter()).with(users.as("owners")))
                .andExpect(status().isOk()));
        assertThat(ranking.select("#quality-ranking tbody tr[data-subject]")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(ranking.select("#quality-ranking tbody tr").last().text()).contains("北辰电梯").contains("D");
        assertThat(ranking.select("#quality-compute, #quality-close")).isEmpty();
        Document english = Html.of(mvc.perform(get("/quality").param("lang", "en").param("level", "COMMUNITY")
                .with(users.as("regulator"))).andExpect(status().isOk()));
        assertThat(english.select("h1").text()).isEqualTo("Maintenance quality ranking");
        assertThat(english.select("#quality-ranking tbody tr[data-subject]")).isNotEmpty();

        long yunhe = company("运河电梯");
        Document card = Html.of(mvc.perform(get("/quality/companies/{c}/{p}", yunhe, lastQuarter()).with(users.as("mcmanager")))
                .andExpect(status().isOk()));
        assertThat(card.select("#scorecard-items tbody tr")).hasSize(9);
        assertThat(card.select("#trend-chart")).hasSize(1);
        assertThat(card.select("#scorecard-elevators tbody tr")).hasSizeGreaterThan(3);
        assertThat(card.select("#scorecard-payments tbody tr")).isNotEmpty();
        Document records = Html.of(mvc.perform(get("/quality/companies/{c}/{p}/records", yunhe, lastQuarter())
                .param("indicator", "ON_TIME").with(users.as("mcmanager"))).andExpect(status().isOk()));
        assertThat(records.select("#quality-records tbody tr a[href^=/maintenance/visits/]")).isNotEmpty();
        mvc.perform(get("/quality/companies/{c}/{p}", company("北辰电梯"), lastQuarter()).with(users.as("mcmanager")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theSupervisorChecksASampledElevatorOnThePhone() throws Exception {
        Document list = Html.of(mvc.perform(get("/quality/spot-checks").with(users.as("supervisor"))).andExpect(status().isOk()));
        String href = list.select("#spot-check-sample a").first().attr("href");
        Document form = Html.of(mvc.perform(get(href).with(users.as("supervisor"))).andExpect(status().isOk()));
        String elevator = form.select("input[name=elevatorId]").attr("value");
        String firstItem = form.select("input[type=radio][value=PASS]").first().attr("name");
        Document refused = Html.of(mvc.perform(post("/quality/spot-checks").with(csrf()).with(users.as("supervisor"))
                .param("elevatorId", elevator).param("key", "page-" + System.nanoTime()).param(firstItem, "PASS")
                .param("recordMatches", "false")).andExpect(status().isBadRequest()));
        assertThat(Html.errorBeside(refused, "note")).isEqualTo("记录与现场不符时请写明情况。");
        mvc.perform(post("/quality/spot-checks").with(csrf()).with(users.as("supervisor")).param("elevatorId", elevator)
                .param("key", "page-" + System.nanoTime()).param(firstItem, "FAIL").param("recordMatches", "true"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/quality/spot-checks"));
        assertThat(jdbc.sql("SELECT score FROM quality_spot_check WHERE elevator_id = :e ORDER BY id DESC LIMIT 1")
                .param("e", Long.parseLong(elevator)).query(java.math.BigDecimal.class).single()).isEqualByComparingTo("0");
    }

    @Test
    void theStandardEditorShowsEachVersionAndRefusesAPastStart() throws Exception {
        Document page = Html.of(mvc.perform(get("/quality/standards").with(users.as("insurer"))).andExpect(status().isOk()));
        assertThat(page.select("#standard-versions tbody tr")).isNotEmpty();
        assertThat(page.select("#standard-form input[name=weight.ON_TIME]").attr("value")).isEqualTo("15.0");
        var request = post("/quality/standards").with(csrf()).with(users.as("regulator"));
        page.select("#standard-form input").forEach(i -> {
            if (!i.attr("name").isEmpty() && !i.attr("name").equals("effectiveFrom")
                    && (!i.attr("type").equals("checkbox") || i.hasAttr("checked"))) {
                request.param(i.attr("name"), i.attr("value"));
            }
        });
        request.param("effectiveFrom", "2020-01-01");
        Document refused = Html.of(mvc.perform(request).andExpect(status().isBadRequest()));
        assertThat(Html.errorBeside(refused, "effectiveFrom")).contains("今天");
    }

    @Test
    void aResidentRatesAnElevatorOnceAMonth() throws Exception {
        String code = jdbc.sql("SELECT registration_code FROM quality_elevator WHERE in_service ORDER BY elevator_id DESC "
                + "OFFSET 20 LIMIT 1").query(String.class).single();
        Document publicPage = Html.of(mvc.perform(get("/p/" + code)).andExpect(status().isOk()));
        assertThat(publicPage.select("#rate-elevator").attr("href")).isEqualTo("/p/" + code + "/rate");
        Document missing = Html.of(mvc.perform(post("/p/" + code + "/rate").with(csrf()).param("cleanliness", "5")
                .with(r -> { r.setRemoteAddr("203.0.113.77"); return r; })).andExpect(status().isBadRequest()));
        assertThat(Html.errorBeside(missing, "running")).isEqualTo("请选择 1 到 5 星。");
        Document thanks = Html.of(mvc.perform(post("/p/" + code + "/rate").with(csrf()).param("cleanliness", "5")
                .param("running", "4").param("response", "2").with(r -> { r.setRemoteAddr("203.0.113.77"); return r; }))
                .andExpect(status().isOk()));
        assertThat(thanks.select("#vote-notice").text()).isEqualTo("谢谢您的评价。");
        mvc.perform(post("/p/" + code + "/rate").with(csrf()).param("cleanliness", "1").param("running", "1")
                .param("response", "1").with(r -> { r.setRemoteAddr("203.0.113.77"); return r; }))
                .andExpect(status().isConflict());
    }
}
