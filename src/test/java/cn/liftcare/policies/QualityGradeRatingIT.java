package cn.liftcare.policies;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.support.DemoUsers;
import cn.liftcare.support.Html;
import cn.liftcare.support.LiftCareTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The maintenance company's grade in the latest closed quarter as a rating factor: the demo grades 北辰电梯 D in its
 * last closed quarter, so a renewal of one of its elevators carries the D factor, shown on the policy page.
 */
@LiftCareTest
class QualityGradeRatingIT {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService userDetails;
    @Autowired PolicyWork work;
    @Autowired SurveyWork surveys;
    @Autowired RateTables rates;
    @Autowired QualityGrades grades;
    @Autowired LiftCareTime time;

    PolicyFixtures fx;
    LocalDate today;

    @BeforeEach
    void setUp() {
        fx = new PolicyFixtures(jdbc, userDetails);
        today = time.today();
    }

    long company(String shortName) {
        return jdbc.sql("SELECT id FROM organization WHERE short_name = :n").param("n", shortName).query(Long.class).single();
    }

    /** The latest closed quarter that ended by a day, from the quality tables themselves. */
    String latestClosedQuarter(LocalDate day) {
        return jdbc.sql("SELECT period FROM quality_period WHERE status = 'CLOSED' AND period LIKE '%-Q%' AND ends_on <= :d "
                + "ORDER BY starts_on DESC LIMIT 1").param("d", day).query(String.class).optional().orElse(null);
    }

    @Test
    void eachCompanyGetsItsGradeOfTheLatestClosedQuarterAndNoneBeforeAnyClosedOrWithoutAScore() {
        String quarter = latestClosedQuarter(today);
        assertThat(quarter).isNotNull();
        Map<Long, String> scored = new java.util.HashMap<>();
        jdbc.sql("SELECT subject_id, grade FROM quality_score WHERE level = 'COMPANY' AND period = :p").param("p", quarter)
                .query((rs, i) -> scored.put(rs.getLong(1), rs.getString(2))).list();
        assertThat(scored).hasSizeGreaterThanOrEqualTo(4);
        long insurer = company("浙商财险");
        List<Long> asked = new java.util.ArrayList<>(scored.keySet());
        asked.add(insurer);
        Map<Long, String> found = grades.latestClosedGrade(asked, today);
        assertThat(found).isEqualTo(scored).doesNotContainKey(insurer);
        assertThat(found.get(company("北辰电梯"))).isEqualTo("D");
        LocalDate firstEnd = jdbc.sql("SELECT min(ends_on) FROM quality_period WHERE status = 'CLOSED' AND period LIKE '%-Q%'")
                .query(LocalDate.class).single();
        assertThat(grades.latestClosedGrade(asked, firstEnd.minusDays(1))).as("before any closed quarter ended").isEmpty();
        assertThat(grades.latestClosedGrade(List.of(), today)).isEmpty();
    }

    @Test
    void aRenewalOfAnElevatorWhoseCompanyWasGradedDCarriesTheDFactorAndThePageShowsIt() throws Exception {
        long beichen = company("北辰电梯");
        String quarter = latestClosedQuarter(today);
        assertThat(jdbc.sql("SELECT grade FROM quality_score WHERE level = 'COMPANY' AND period = :p AND subject_id = :c")
                .param("p", quarter).param("c", beichen).query(String.class).single()).isEqualTo("D");
        long elevator = jdbc.sql("""
                SELECT e.id FROM elevator e WHERE e.maintenance_company_id = :c AND e.status = 'IN_SERVICE'
                  AND e.type = 'TRACTION' AND NOT EXISTS (SELECT 1 FROM policy_elevator pe WHERE pe.elevator_id = e.id)
                ORDER BY e.id LIMIT 1""").param("c", beichen).query(Long.class).single();
        PolicyView issued = fx.insure(work, surveys, List.of(elevator), today, today);

        var response = mvc.perform(post("/api/v1/policies/{id}/renewal", issued.id()).with(users.as("insurer")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long renewal = ((Number) JsonPath.read(response, "$.policy.id")).longValue();
        assertThat((String) JsonPath.read(response, "$.schedule[0].calculation.facts.qualityGrade")).isEqualTo("D");

        // the line as stored: the D factor applied on top of the fault history, under the table in force at renewal
        String stored = jdbc.sql("SELECT calculation FROM policy_elevator WHERE policy_id = :p AND elevator_id = :e")
                .param("p", renewal).param("e", elevator).query(String.class).single();
        Quoting.ElevatorQuote line = tools.jackson.databind.json.JsonMapper.builder().build()
                .readValue(stored, Quoting.ElevatorQuote.class);
        LocalDate renewalStart = jdbc.sql("SELECT term_start FROM policy WHERE id = :p").param("p", renewal)
                .query(LocalDate.class).single();
        RateTable table = rates.inForceOn(renewalStart);
        assertThat(line.facts().qualityGrade()).isEqualTo("D");
        RatingFacts ungraded = new RatingFacts(line.facts().type(), line.facts().ageYears(), line.facts().brand(),
                line.facts().stops(), line.facts().useCategory(), line.facts().faultsPerYear(), null);
        BigDecimal withoutGrade = Rating.experienceFactor(table.experience(), ungraded);
        BigDecimal d = table.experience().qualityGradeFactor().get("D");
        BigDecimal expected = withoutGrade.multiply(d).max(table.experience().minFactor())
                .min(table.experience().maxFactor());
        assertThat(line.quote().experienceFactor()).isEqualByComparingTo(expected.setScale(4, java.math.RoundingMode.HALF_UP));
        assertThat(line.quote().experienceFactor()).isGreaterThan(withoutGrade);
        assertThat(line.quote().total()).isEqualTo(Rating.quote(table, line.facts()).total());
        assertThat(line.quote().total()).isGreaterThan(Rating.quote(table, ungraded).total());

        Document page = Html.of(mvc.perform(get("/policies/{id}", renewal).with(users.as("insurer"))).andExpect(status().isOk()));
        assertThat(page.select(".calc-quality-grade[data-grade=D]")).hasSize(1);
        assertThat(page.select(".calc-quality-grade").text()).contains("D");
        Document english = Html.of(mvc.perform(get("/policies/{id}", renewal).param("lang", "en").with(users.as("insurer")))
                .andExpect(status().isOk()));
        assertThat(english.select(".calc-quality-grade").text()).contains("quality grade D");
    }
}
