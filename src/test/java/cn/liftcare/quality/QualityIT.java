package cn.liftcare.quality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.identity.Scope;
import cn.liftcare.identity.UserDirectory;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.RegionCode;
import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.support.DemoUsers;
import cn.liftcare.support.LiftCareTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Scoring on the demo district: the demo's quarters, recomputation, frozen periods, pay by score, scoping. */
@LiftCareTest
class QualityIT {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired QualityScoring scoring;
    @Autowired PeriodClose closing;
    @Autowired StandardBook standards;
    @Autowired ElevatorAssignments assignments;
    @Autowired UserDirectory directory;
    @Autowired cn.liftcare.identity.OrganizationDirectory organizations;
    @Autowired LiftCareTime time;

    Scope scopeOf(String username) {
        UserDirectory.UserRow user = directory.list(Scope.SYSTEM).stream().filter(u -> u.username().equals(username))
                .findFirst().orElseThrow();
        var org = organizations.byIds(List.of(user.organizationId())).get(user.organizationId());
        return new Scope(user.id(), user.username(), user.organizationId(), user.organizationType(),
                new RegionCode(org.regionCode()), user.roles());
    }

    long company(String shortName) {
        return jdbc.sql("SELECT id FROM organization WHERE short_name = :n").param("n", shortName).query(Long.class).single();
    }

    Period lastQuarter() {
        return Period.quarterOf(time.today()).previous();
    }

    @Test
    void theDemoHoldsFourClosedQuartersWithTheCarelessCompanyLastAndASlowRescuerGradedC() {
        List<Map<String, Object>> periods = jdbc.sql("SELECT period, status FROM quality_period WHERE period LIKE '%Q%' "
                + "ORDER BY starts_on").query().listOfRows();
        assertThat(periods).hasSizeGreaterThanOrEqualTo(5);
        assertThat(periods.subList(periods.size() - 5, periods.size() - 1)).allMatch(r -> r.get("status").equals("CLOSED"));
        assertThat(periods.get(periods.size() - 1).get("status")).isEqualTo("OPEN");
        long beichen = company("北辰电梯");
        List<Map<String, Object>> ranking = jdbc.sql("SELECT subject_id, score, grade, breakdown FROM quality_score WHERE period = :p "
                + "AND level = 'COMPANY' ORDER BY rank").param("p", lastQuarter().code()).query().listOfRows();
        assertThat(ranking).hasSizeGreaterThanOrEqualTo(4);
        // 北辰电梯's crews leave most visits flagged and late: last, graded D, and the regulator warned
        Map<String, Object> worst = ranking.get(ranking.size() - 1);
        assertThat(((Number) worst.get("subject_id")).longValue()).isEqualTo(beichen);
        assertThat(worst.get("grade")).isEqualTo("D");
        assertThat(jdbc.sql("SELECT count(*) FROM quality_warning WHERE period = :p AND company_id = :c")
                .param("p", lastQuarter().code()).param("c", beichen).query(Long.class).single()).isEqualTo(1);
        // a company with a rescue out of time is visibly worse than the rest and graded C
        assertThat(ranking).anyMatch(r -> "C".equals(r.get("grade")) && ((String) r.get("breakdown"))
                .matches(".*\\{\"indicator\":\"RESCUE\",\"value\":0\\.[0-9]+,.*"));
        assertThat(ranking.subList(0, ranking.size() - 1)).allMatch(r -> !"D".equals(r.get("grade")));
        assertThat(jdbc.sql("SELECT count(*) FROM quality_spot_check WHERE company_id = :c").param("c", beichen)
                .query(Long.class).single()).isGreaterThanOrEqualTo(12);
        for (String level : List.of("ELEVATOR", "COMMUNITY")) {
            assertThat(jdbc.sql("SELECT count(*) FROM quality_score WHERE period = :p AND level = :l")
                    .param("p", lastQuarter().code()).param("l", level).query(Long.class).single()).isPositive();
        }
    }

    @Autowired NightlyScores nightly;

    @Test
    @Transactional
    void recomputingAnOpenPeriodGivesTheSameRows() {
        Scope regulator = scopeOf("regulator");
        String period = Period.quarterOf(time.today()).code();
        scoring.compute(regulator, period);
        List<Map<String, Object>> first = snapshot(period);
        scoring.compute(regulator, period);
        assertThat(snapshot(period)).isEqualTo(first).isNotEmpty();
        nightly.run();
        assertThat(snapshot(period)).isEqualTo(first);
        assertThat(nightly.periods()).contains(period);
    }

    List<Map<String, Object>> snapshot(String period) {
        return jdbc.sql("""
                SELECT s.level, s.subject_id, s.score, s.grade, s.rank, s.breakdown FROM quality_score s WHERE s.period = :p
                UNION ALL
                SELECT 'FACT', f.elevator_id * 100000 + f.company_id, f.visits + f.faults + f.exposure_days, NULL, f.votes,
                       f.vote_stars::text FROM quality_fact f WHERE f.period = :p
                ORDER BY 1, 2""").param("p", period).query().listOfRows();
    }

    @Test
    void aClosedPeriodIsFrozenAndClosingAgainPostsNothing() {
        Scope regulator = scopeOf("regulator");
        String period = lastQuarter().code();
        String before = snapshot(period).toString();
        assertThatThrownBy(() -> scoring.compute(regulator, period)).isInstanceOf(RuleViolationException.class)
                .hasMessage("quality-period-closed");
        long entries = jdbc.sql("SELECT count(*) FROM journal_entry WHERE idempotency_key LIKE :k")
                .param("k", "quality:" + period + ":%").query(Long.class).single();
        PeriodClose.Closing again = closing.close(regulator, period);
        assertThat(again.payments()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM journal_entry WHERE idempotency_key LIKE :k")
                .param("k", "quality:" + period + ":%").query(Long.class).single()).isEqualTo(entries);
        assertThat(snapshot(period).toString()).isEqualTo(before);
    }

    @Test
    void payByScoreIsTheBaseFeeTimesTheGradeFactorPostedBalanced() {
        String period = lastQuarter().code();
        Standard standard = standards.version(jdbc.sql("SELECT standard_version FROM quality_period WHERE period = :p")
                .param("p", period).query(String.class).single()).orElseThrow();
        List<Map<String, Object>> payments = jdbc.sql("SELECT * FROM quality_payment WHERE period = :p").param("p", period)
                .query().listOfRows();
        assertThat(payments).isNotEmpty();
        assertThat(payments).anyMatch(p -> p.get("entry_id") != null);
        assertThat(payments).anyMatch(p -> ((BigDecimal) p.get("factor")).compareTo(BigDecimal.ONE) != 0
                && p.get("entry_id") != null);
        for (Map<String, Object> p : payments) {
            BigDecimal base = (BigDecimal) p.get("base_fee");
            BigDecimal payable = (BigDecimal) p.get("payable");
            String grade = (String) p.get("grade");
            assertThat(payable).isEqualByComparingTo(base.multiply(standard.payFactor(grade)).setScale(2, RoundingMode.HALF_UP));
            String grade2 = jdbc.sql("SELECT grade FROM quality_score WHERE period = :p AND level = 'COMPANY' AND subject_id = :c")
                    .param("p", period).param("c", p.get("company_id")).query(String.class).single();
            assertThat(grade).isEqualTo(grade2);
            if (p.get("entry_id") == null) {
                assertThat(payable.signum()).isZero();
                continue;
            }
            long entry = ((Number) p.get("entry_id")).longValue();
            Map<String, Object> sums = jdbc.sql("SELECT sum(debit) AS d, sum(credit) AS c FROM journal_line WHERE entry_id = :e")
                    .param("e", entry).query().singleRow();
            assertThat((BigDecimal) sums.get("d")).isEqualByComparingTo((BigDecimal) sums.get("c")).isEqualByComparingTo(payable);
        }
    }

    @Test
    @Transactional
    void anElevatorThatChangedCompanyMidPeriodCountsForEachItsDays() {
        Scope regulator = scopeOf("regulator");
        Period month = Period.parse(time.today().toString().substring(0, 7));
        long elevator = jdbc.sql("SELECT min(elevator_id) FROM quality_elevator WHERE maintenance_company_id = :c")
                .param("c", company("运河电梯")).query(Long.class).single();
        long other = company("恒安电梯");
        LocalDate switchDay = month.start().plusDays(10);
        if (!switchDay.isBefore(month.end())) {
            switchDay = month.start();
        }
        assignments.changeCompany(elevator, other, switchDay);
        scoring.compute(regulator, month.code());
        Map<Long, Integer> days = new java.util.HashMap<>();
        jdbc.sql("SELECT company_id, exposure_days FROM quality_fact WHERE period = :p AND elevator_id = :e")
                .param("p", month.code()).param("e", elevator)
                .query((rs, i) -> days.put(rs.getLong(1), rs.getInt(2))).list();
        int before = (int) (switchDay.toEpochDay() - month.start().toEpochDay());
        assertThat(days.get(other)).isEqualTo(month.days() - before);
        if (before > 0) {
            assertThat(days.get(company("运河电梯"))).isEqualTo(before);
        }
    }

    @Test
    void aNewStandardVersionTakesEffectAheadAndOldScoresKeepTheirs() throws Exception {
        LocalDate from = time.today().plusDays(400);
        String version = "T" + (System.nanoTime() % 1_000_000_000L);
        Standard current = standards.inForceOn(time.today());
        String body = standards.toJson(current).replace("\"version\":\"" + current.version() + "\"", "\"version\":\"" + version + "\"")
                .replace("\"effectiveFrom\":\"" + current.effectiveFrom() + "\"", "\"effectiveFrom\":\"" + from + "\"")
                .replace("\"weight\":15.0", "\"weight\":20.0");
        mvc.perform(post("/api/v1/quality/standards").with(users.as("maintainer")).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/quality/standards").with(users.as("insurer")).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/quality/standards").with(users.as("regulator")).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isConflict());
        assertThat(standards.inForceOn(from).version()).isEqualTo(version);
        assertThat(standards.inForceOn(from).indicators().get(0).weight()).isEqualTo(20.0);
        assertThat(standards.inForceOn(time.today()).version()).isEqualTo(current.version());
        assertThat(jdbc.sql("SELECT DISTINCT standard_version FROM quality_score WHERE period = :p")
                .param("p", lastQuarter().code()).query(String.class).list()).containsExactly(current.version());
        String past = body.replace("\"effectiveFrom\":\"" + from + "\"", "\"effectiveFrom\":\"2020-01-01\"")
                .replace(version, version + "P");
        mvc.perform(post("/api/v1/quality/standards").with(users.as("regulator")).contentType(MediaType.APPLICATION_JSON)
                .content(past)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("effectiveFrom"));
    }

    @Test
    void aCompanySeesItsOwnScorecardAndTheRankingButNotOthersDrillDowns() throws Exception {
        String period = lastQuarter().code();
        long yunhe = company("运河电梯");
        long beichen = company("北辰电梯");
        mvc.perform(get("/api/v1/quality/scores").param("period", period).param("level", "company").with(users.as("mcmanager")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.subjectId == " + beichen + ")].grade").value("D"))
                .andExpect(jsonPath("$[?(@.subjectId == " + yunhe + ")]").isNotEmpty());
        mvc.perform(get("/api/v1/quality/scores/{c}/{p}/breakdown", yunhe, period).with(users.as("mcmanager")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(9))
                .andExpect(jsonPath("$.elevators").isNotEmpty()).andExpect(jsonPath("$.trend.length()").value(
                        org.hamcrest.Matchers.greaterThanOrEqualTo(4)));
        mvc.perform(get("/api/v1/quality/scores/{c}/{p}/breakdown", beichen, period).with(users.as("mcmanager")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/quality/scores/{c}/{p}/records", beichen, period).param("indicator", "RECORDS")
                .with(users.as("mcmanager"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/quality/scores/{c}/{p}/breakdown", beichen, period).with(users.as("regulator")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/quality/scores/{c}/{p}/records", beichen, period).param("indicator", "RECORDS")
                .with(users.as("regulator"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].against").value(true)).andExpect(jsonPath("$[0].kind").value("visit"));
        mvc.perform(get("/api/v1/quality/scores").param("period", period).param("level", "elevator").with(users.as("mcmanager")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.companyId == " + beichen + ")]").isEmpty());
    }

    @Test
    void aResidentVotesOnceAMonthPerElevatorAndIsRateLimited() throws Exception {
        List<String> codes = jdbc.sql("SELECT registration_code FROM quality_elevator WHERE in_service ORDER BY elevator_id DESC "
                + "LIMIT 12").query(String.class).list();
        String vote = "{\"cleanliness\":5,\"running\":4,\"response\":3}";
        String address = "10.9." + (System.nanoTime() % 200) + ".7";
        mvc.perform(post("/api/v1/public/elevators/{code}/votes", codes.get(0)).contentType(MediaType.APPLICATION_JSON)
                .content(vote).with(r -> { r.setRemoteAddr(address); return r; })).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/public/elevators/{code}/votes", codes.get(0)).contentType(MediaType.APPLICATION_JSON)
                .content(vote).with(r -> { r.setRemoteAddr(address); return r; })).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/public/elevators/{code}/votes", codes.get(1)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"cleanliness\":6,\"running\":0}").with(r -> { r.setRemoteAddr(address); return r; }))
                .andExpect(status().isBadRequest());
        for (int i = 1; i < 10; i++) {
            mvc.perform(post("/api/v1/public/elevators/{code}/votes", codes.get(i)).contentType(MediaType.APPLICATION_JSON)
                    .content(vote).with(r -> { r.setRemoteAddr(address); return r; })).andExpect(status().isCreated());
        }
        mvc.perform(post("/api/v1/public/elevators/{code}/votes", codes.get(10)).contentType(MediaType.APPLICATION_JSON)
                .content(vote).with(r -> { r.setRemoteAddr(address); return r; })).andExpect(status().isTooManyRequests());
        mvc.perform(post("/api/v1/public/elevators/{code}/votes", "00000000000000000000").contentType(MediaType.APPLICATION_JSON)
                .content(vote)).andExpect(status().isNotFound());
    }

    @Test
    @Transactional
    void theSupervisorSamplesAndRecordsASpotCheckThatFeedsTheScore() throws Exception {
        String sample = mvc.perform(get("/api/v1/quality/spot-checks/sample").param("size", "6").param("seed", "7")
                .with(users.as("supervisor"))).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(6))
                .andReturn().getResponse().getContentAsString();
        assertThat(sample).contains("RANDOM").contains("RISK");
        mvc.perform(get("/api/v1/quality/spot-checks/sample").with(users.as("mcmanager"))).andExpect(status().isForbidden());
        long elevator = jdbc.sql("SELECT min(id) FROM elevator WHERE type = 'TRACTION' AND status = 'IN_SERVICE' "
                + "AND maintenance_company_id IS NOT NULL").query(Long.class).single();
        mvc.perform(post("/api/v1/quality/spot-checks").with(users.as("supervisor")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"elevatorId\":%d,\"items\":{\"NOPE\":true},\"recordMatches\":false}".formatted(elevator)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("items", "note")));
        String made = mvc.perform(post("/api/v1/quality/spot-checks").with(users.as("supervisor"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"elevatorId\":%d,\"items\":{\"A-1-01\":true,\"A-1-02\":false},\"recordMatches\":false,"
                        .formatted(elevator) + "\"note\":\"记录与现场不符\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.score").value(50.0))
                .andExpect(jsonPath("$.failedItems[0]").value("A-1-02")).andReturn().getResponse().getContentAsString();
        long id = ((Number) com.jayway.jsonpath.JsonPath.read(made, "$.id")).longValue();
        mvc.perform(get("/api/v1/quality/spot-checks/{id}", id).with(users.as("maintainer2"))).andExpect(status().isNotFound());
        String period = Period.quarterOf(time.today()).code();
        scoring.compute(scopeOf("regulator"), period);
        Map<String, Object> fact = jdbc.sql("SELECT sum(spot_checks) AS n, sum(vetoes) AS v FROM quality_fact WHERE period = :p "
                + "AND elevator_id = :e").param("p", period).param("e", elevator).query().singleRow();
        assertThat(((Number) fact.get("n")).longValue()).isGreaterThanOrEqualTo(1);
        assertThat(((Number) fact.get("v")).longValue()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT grade FROM quality_score WHERE period = :p AND level = 'ELEVATOR' AND subject_id = :e")
                .param("p", period).param("e", elevator).query(String.class).single()).isEqualTo("D");
    }

    @Test
    @Transactional
    void aVetoRecordedByTheRegulatorGradesTheCompanyLowestWhateverItsScore() throws Exception {
        long yunhe = company("运河电梯");
        String period = Period.quarterOf(time.today()).code();
        String body = "{\"companyId\":%d,\"kind\":\"LIABILITY_ACCIDENT\",\"occurredOn\":\"%s\",\"evidence\":\"事故调查报告\"}";
        mvc.perform(post("/api/v1/quality/vetoes").with(users.as("mcmanager")).contentType(MediaType.APPLICATION_JSON)
                .content(body.formatted(yunhe, time.today()))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/quality/vetoes").with(users.as("regulator")).contentType(MediaType.APPLICATION_JSON)
                .content(body.formatted(987654321L, time.today()))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/quality/vetoes").with(users.as("regulator")).contentType(MediaType.APPLICATION_JSON)
                .content(body.formatted(yunhe, time.today().plusDays(3)))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("occurredOn"));
        mvc.perform(post("/api/v1/quality/vetoes").with(users.as("regulator")).contentType(MediaType.APPLICATION_JSON)
                .content(body.formatted(yunhe, time.today()))).andExpect(status().isCreated());
        scoring.compute(scopeOf("regulator"), period);
        Map<String, Object> score = jdbc.sql("SELECT score, grade, vetoed FROM quality_score WHERE period = :p "
                + "AND level = 'COMPANY' AND subject_id = :c").param("p", period).param("c", yunhe).query().singleRow();
        assertThat(score.get("vetoed")).isEqualTo(true);
        assertThat(score.get("grade")).isEqualTo("D");
        assertThat(((BigDecimal) score.get("score")).doubleValue()).isGreaterThan(70);
        assertThat(jdbc.sql("SELECT max(rank) = (SELECT rank FROM quality_score WHERE period = :p AND level = 'COMPANY' "
                + "AND subject_id = :c) FROM quality_score WHERE period = :p AND level = 'COMPANY'")
                .param("p", period).param("c", yunhe).query(Boolean.class).single()).isTrue();
    }
}
