package cn.liftcare.maintenance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import cn.liftcare.identity.Scope;
import cn.liftcare.identity.UserId;
import cn.liftcare.identity.security.LiftCareUser;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.registry.ElevatorRegistry;
import cn.liftcare.registry.ElevatorStatus;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.support.DemoData;
import cn.liftcare.support.DemoUsers;
import cn.liftcare.support.LiftCareTest;
import cn.liftcare.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A visit from plan to confirmation, the records that cannot be faked, and what supervision sees. */
@LiftCareTest
class MaintenanceWorkIT {

    @Autowired MaintenanceWork work;
    @Autowired MaintenanceQueries queries;
    @Autowired CheckInTokens tokens;
    @Autowired MaintenanceCatalogue catalogue;
    @Autowired InspectionRecords inspections;
    @Autowired ElevatorRegistry registry;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired LiftCareTime time;
    @Autowired MockMvc mvc;
    @Autowired DemoUsers demoUsers;

    static final java.util.concurrent.atomic.AtomicInteger DAY = new java.util.concurrent.atomic.AtomicInteger(30);

    /** Each test works on a day of its own, so one test's visits never overlap another's. */
    @org.junit.jupiter.api.BeforeEach
    void ownDay() {
        clock.fix(LocalDate.now(LiftCareTime.ZONE).plusDays(DAY.getAndAdd(2)).atTime(16, 0).atZone(LiftCareTime.ZONE)
                .toInstant());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    Scope scope(String user) {
        return ((LiftCareUser) users.loadUserByUsername(user)).scope();
    }

    /** An elevator of 运河电梯 (the demo maintainer's company) with no open visit. */
    ElevatorId freshElevator() {
        return freshElevator("%");
    }

    ElevatorId freshElevator(String community) {
        return new ElevatorId(jdbc.sql("""
                SELECT p.elevator_id FROM maintenance_plan p JOIN organization o ON o.id = p.maintenance_company_id
                JOIN community c ON c.id = p.community_id
                WHERE o.short_name = '运河电梯' AND p.elevator_status = 'IN_SERVICE' AND p.elevator_type = 'TRACTION'
                  AND c.name LIKE :community
                  AND NOT EXISTS (SELECT 1 FROM maintenance_visit v WHERE v.elevator_id = p.elevator_id
                                  AND v.status IN ('PLANNED', 'CHECKED_IN', 'SUBMITTED'))
                ORDER BY random() LIMIT 1""").param("community", community).query(Long.class).single());
    }

    List<ChecklistEntry> answers(VisitView visit, ItemResult result) {
        List<ChecklistEntry> entries = new ArrayList<>();
        long photo = jdbc.sql("SELECT id FROM maintenance_photo WHERE company_id = :c LIMIT 1")
                .param("c", visit.companyId().value()).query(Long.class).single();
        for (String code : visit.dueItems()) {
            MaintenanceItem item = catalogue.find(code).orElseThrow();
            entries.add(new ChecklistEntry(code, result, item.isNumeric() ? item.valueMin() == null ? BigDecimal.ONE
                    : item.valueMin().add(BigDecimal.ONE) : null, null, item.isTest() ? photo : null));
        }
        return entries;
    }

    VisitView checkedIn(ElevatorId elevator) {
        return work.checkIn(scope("maintainer"), elevator, tokens.current(elevator), new BigDecimal("30.3201"),
                new BigDecimal("120.1402")).visit();
    }

    VisitView recorded(ElevatorId elevator, long minutes) {
        VisitView visit = checkedIn(elevator);
        Instant finished = time.now();
        return work.record(scope("maintainer"), visit.id(), answers(visit, ItemResult.CLEANED_LUBRICATED),
                finished.minus(Duration.ofMinutes(minutes)), finished, UUID.randomUUID().toString());
    }

    List<String> flags(VisitId visit) {
        return jdbc.sql("SELECT flag FROM visit_flag WHERE visit_id = :v ORDER BY flag").param("v", visit.value())
                .query(String.class).list();
    }

    @Test
    void aValidCheckInAndAnHonestRecordEarnNoFlags() {
        ElevatorId elevator = freshElevator("小河佳苑");
        VisitView visit = recorded(elevator, 150);
        assertThat(visit.status()).isEqualTo(VisitStatus.SUBMITTED);
        assertThat(visit.checkInValid()).isTrue();
        assertThat(visit.latitude()).isEqualByComparingTo("30.3201");
        assertThat(flags(visit.id())).isEmpty();
        VisitView confirmed = work.confirm(scope("property"), visit.id());
        assertThat(confirmed.confirmedByType()).isEqualTo("USE_UNIT");
        assertThat(confirmed.status()).isEqualTo(VisitStatus.CONFIRMED);
        assertThat(queries.schedule(scope("maintainer"), elevator).orElseThrow().lastVisit()).contains(time.today());
    }

    @Test
    void aRecordMissingDueItemsIsRefusedWithTheMissingCodes() {
        ElevatorId elevator = freshElevator();
        VisitView visit = checkedIn(elevator);
        List<ChecklistEntry> entries = answers(visit, ItemResult.NORMAL);
        String dropped = entries.remove(3).code();
        ValidationFailedException e = catchThrowableOfType(ValidationFailedException.class, () -> work.record(
                scope("maintainer"), visit.id(), entries, time.now().minusSeconds(3600), time.now(), "k-" + UUID.randomUUID()));
        assertThat(e.violations().get(0).args()).containsExactly(dropped);
        assertThat(jdbc.sql("SELECT status FROM maintenance_visit WHERE id = :id").param("id", visit.id().value())
                .query(String.class).single()).isEqualTo("CHECKED_IN");
    }

    @Test
    void theSameSubmissionTwiceMakesOneRecordAndNothingChangesAfterConfirmation() {
        ElevatorId elevator = freshElevator();
        VisitView visit = checkedIn(elevator);
        String key = "retry-" + UUID.randomUUID();
        Instant finished = time.now();
        List<ChecklistEntry> entries = answers(visit, ItemResult.NORMAL);
        VisitView first = work.record(scope("maintainer"), visit.id(), entries, finished.minusSeconds(5400), finished, key);
        VisitView again = work.record(scope("maintainer"), visit.id(), entries, finished.minusSeconds(5400), finished, key);
        assertThat(again.checklistDigest()).isEqualTo(first.checklistDigest());
        assertThat(jdbc.sql("SELECT count(*) FROM maintenance_visit WHERE submission_key = :k").param("k", key)
                .query(Long.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> work.record(scope("maintainer"), visit.id(), entries, finished.minusSeconds(5400), finished,
                "another-" + UUID.randomUUID())).isInstanceOf(RuleViolationException.class);
        work.confirm(scope("mcmanager"), visit.id());
        // the database itself refuses to alter a confirmed record
        assertThatThrownBy(() -> jdbc.sql("UPDATE maintenance_visit SET checklist = '[]' WHERE id = :id")
                .param("id", visit.id().value()).update()).hasMessageContaining("cannot change");
        assertThat(flags(visit.id())).contains("SELF_CONFIRMED");
        // a correction is a new record, linked, with its reason
        VisitView correction = work.correct(scope("maintainer"), visit.id(), "门锁啮合长度记错", entries,
                finished.minusSeconds(5400), finished, "fix-" + UUID.randomUUID());
        assertThat(correction.correctionOf()).isEqualTo(visit.id());
        assertThat(correction.status()).isEqualTo(VisitStatus.SUBMITTED);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE entity_type = 'maintenance_visit' AND entity_id = :id")
                .param("id", String.valueOf(visit.id().value())).query(Long.class).single()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void eachSignOfBoxTickingIsFlaggedWithItsEvidence() {
        // too short, and no check-in code
        ElevatorId elevator = freshElevator();
        VisitView noCode = work.checkIn(scope("maintainer"), elevator, null, null, null).visit();
        Instant end = time.now();
        work.record(scope("maintainer"), noCode.id(), answers(noCode, ItemResult.ADJUSTED), end.minusSeconds(600), end,
                UUID.randomUUID().toString());
        assertThat(flags(noCode.id())).contains("SHORT_VISIT", "NO_VALID_CHECK_IN");
        // every item "normal" in a few seconds each
        ElevatorId other = freshElevator();
        VisitView fast = checkedIn(other);
        work.record(scope("maintainer"), fast.id(), answers(fast, ItemResult.NORMAL), end.minusSeconds(60), end,
                UUID.randomUUID().toString());
        assertThat(flags(fast.id())).contains("IMPLAUSIBLY_FAST");
        String evidence = jdbc.sql("SELECT evidence FROM visit_flag WHERE visit_id = :v AND flag = 'IMPLAUSIBLY_FAST'")
                .param("v", fast.id().value()).query(String.class).single();
        assertThat(evidence.split("\u001f")[1]).isEqualTo("60");
    }

    @Test
    void theSameMaintainerAtTwoSitesAtOnceIsFlagged() {
        ElevatorId here = freshElevator();
        ElevatorId there = jdbc.sql("""
                SELECT p.elevator_id FROM maintenance_plan p JOIN organization o ON o.id = p.maintenance_company_id
                WHERE o.short_name = '运河电梯' AND p.community_id <> (SELECT community_id FROM maintenance_plan WHERE elevator_id = :e)
                  AND NOT EXISTS (SELECT 1 FROM maintenance_visit v WHERE v.elevator_id = p.elevator_id
                                  AND v.status IN ('PLANNED', 'CHECKED_IN', 'SUBMITTED')) LIMIT 1""")
                .param("e", here.value()).query(Long.class).optional().map(ElevatorId::new).orElseThrow();
        Instant end = time.now();
        VisitView a = checkedIn(here);
        work.record(scope("maintainer"), a.id(), answers(a, ItemResult.ADJUSTED), end.minusSeconds(7200), end.minusSeconds(60),
                UUID.randomUUID().toString());
        VisitView b = checkedIn(there);
        work.record(scope("maintainer"), b.id(), answers(b, ItemResult.ADJUSTED), end.minusSeconds(5400), end,
                UUID.randomUUID().toString());
        assertThat(flags(b.id())).contains("OVERLAPPING_VISITS");
    }

    @Test
    void checkInCodesProvePresence() {
        ElevatorId elevator = freshElevator();
        String code = tokens.current(elevator);
        assertThat(tokens.verify(code, elevator)).isEqualTo(CheckInTokens.Verdict.VALID);
        assertThat(tokens.verify(code.substring(0, code.length() - 2) + "xx", elevator)).isEqualTo(CheckInTokens.Verdict.FORGED);
        assertThat(tokens.verify(code, new ElevatorId(elevator.value() + 1))).isEqualTo(CheckInTokens.Verdict.OTHER_ELEVATOR);
        assertThat(tokens.verify((elevator.value() + 1) + code.substring(code.indexOf('.')), new ElevatorId(elevator.value() + 1)))
                .isEqualTo(CheckInTokens.Verdict.FORGED);
        assertThat(tokens.verify("garbage", elevator)).isEqualTo(CheckInTokens.Verdict.MALFORMED);
        clock.advance(Duration.ofMinutes(6));
        assertThat(tokens.verify(code, elevator)).isEqualTo(CheckInTokens.Verdict.VALID);
        clock.advance(Duration.ofMinutes(6));
        assertThat(tokens.verify(code, elevator)).isEqualTo(CheckInTokens.Verdict.STALE);
        clock.advance(Duration.ofMinutes(-12));
        // a copied code checks in once only
        String fresh = tokens.current(elevator);
        work.checkIn(scope("maintainer"), elevator, fresh, null, null);
        assertThatThrownBy(() -> work.checkIn(scope("maintainer"), elevator, fresh, null, null))
                .isInstanceOf(RuleViolationException.class).hasMessage("check-in-code-used");
    }

    @Test
    void aMaintainerWorksOnlyOnItsOwnCompanysElevators() {
        ElevatorId theirs = new ElevatorId(new DemoData(jdbc).elevator("小河佳苑", "恒安电梯"));
        assertThatThrownBy(() -> work.checkIn(scope("maintainer"), theirs, tokens.current(theirs), null, null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> work.plan(scope("mcmanager"), theirs, time.today(), null)).isInstanceOf(NotFoundException.class);
        assertThat(queries.history(scope("maintainer"), theirs, 10)).isEmpty();
        assertThat(queries.history(scope("maintainer2"), theirs, 10)).isNotEmpty();
    }

    @Test
    void anExpiredCertificateCannotBeAssigned() {
        UserId maintainer = scope("maintainer").userId();
        work.certify(scope("mcmanager"), maintainer, "T330105-EXPIRED", time.today().minusDays(1));
        try {
            ElevatorId elevator = freshElevator();
            assertThatThrownBy(() -> work.plan(scope("mcmanager"), elevator, time.today(), maintainer))
                    .isInstanceOf(RuleViolationException.class).hasMessage("maintainer-certificate-expired");
            assertThatThrownBy(() -> work.checkIn(scope("maintainer"), elevator, tokens.current(elevator), null, null))
                    .isInstanceOf(RuleViolationException.class);
        }
        finally {
            work.certify(scope("mcmanager"), maintainer, "T330105-RENEWED", time.today().plusYears(2));
        }
    }

    @Test
    void anAbnormalItemRaisesARepairNeed() {
        ElevatorId elevator = freshElevator();
        VisitView visit = checkedIn(elevator);
        List<ChecklistEntry> entries = answers(visit, ItemResult.ADJUSTED);
        entries.replaceAll(e -> e.code().endsWith("-1-29") ? new ChecklistEntry(e.code(), ItemResult.NORMAL,
                new BigDecimal("5.5"), null, null) : e);
        Instant end = time.now();
        work.record(scope("maintainer"), visit.id(), entries, end.minusSeconds(6000), end, UUID.randomUUID().toString());
        assertThat(jdbc.sql("SELECT item_code FROM repair_need WHERE visit_id = :v").param("v", visit.id().value())
                .query(String.class).list()).containsExactly("A-1-29");
    }

    @Test
    void anElevatorFallsOverdueOnItsSixteenthDay() {
        ElevatorId elevator = freshElevator();
        recorded(elevator, 120);
        assertThat(queries.overdue(scope("regulator"))).noneMatch(o -> o.elevatorId().equals(elevator));
        clock.advance(Duration.ofDays(15));
        assertThat(queries.overdue(scope("regulator"))).noneMatch(o -> o.elevatorId().equals(elevator));
        clock.advance(Duration.ofDays(1));
        assertThat(queries.overdue(scope("regulator"))).anyMatch(o -> o.elevatorId().equals(elevator) && o.daysOverdue() == 1);
        assertThat(queries.overdue(scope("maintainer2"))).noneMatch(o -> o.elevatorId().equals(elevator));
    }

    @Test
    void onDemandMaintenanceNeedsMonitoringAndTheRegulator() {
        ElevatorId elevator = freshElevator();
        assertThatThrownBy(() -> work.approveOnDemand(scope("mcmanager"), elevator, 30, "IOT-1", null))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> work.approveOnDemand(scope("regulator"), elevator, 30, " ", null))
                .isInstanceOf(RuleViolationException.class).hasMessage("on-demand-needs-monitoring");
        assertThatThrownBy(() -> work.approveOnDemand(scope("regulator"), elevator, 120, "IOT-1", null))
                .isInstanceOf(RuleViolationException.class);
        var plan = work.approveOnDemand(scope("regulator"), elevator, 30, "GBT24476-0001", "按需维保试点");
        assertThat(plan.mode()).isEqualTo(MaintenanceMode.ON_DEMAND);
        assertThat(plan.approvedBy()).isEqualTo(scope("regulator").userId());
        assertThat(queries.plan(scope("regulator"), elevator).orElseThrow().maxIntervalDays()).isEqualTo(30);
        work.revertToStandard(scope("regulator"), elevator, "试点结束");
        assertThat(queries.plan(scope("regulator"), elevator).orElseThrow().maxIntervalDays()).isEqualTo(15);
    }

    @Test
    void aFailedInspectionSuspendsTheElevatorUntilOnePasses() {
        ElevatorId elevator = freshElevator();
        inspections.record(scope("inspector"), elevator, InspectionKind.PERIODIC, time.today(), InspectionResult.FAIL,
                "制动器闸瓦磨损超限");
        assertThat(registry.find(Scope.SYSTEM, elevator).orElseThrow().status()).isEqualTo(ElevatorStatus.SUSPENDED);
        assertThat(queries.plan(scope("regulator"), elevator).orElseThrow().nextInspectionDue())
                .isEqualTo(time.today().plusDays(30));
        assertThatThrownBy(() -> inspections.record(scope("inspector"), elevator, InspectionKind.PERIODIC, time.today(),
                InspectionResult.PASS_AFTER_RECTIFICATION, null)).isInstanceOf(ValidationFailedException.class);
        inspections.record(scope("inspector"), elevator, InspectionKind.PERIODIC, time.today(),
                InspectionResult.PASS_AFTER_RECTIFICATION, "已更换闸瓦");
        assertThat(registry.find(Scope.SYSTEM, elevator).orElseThrow().status()).isEqualTo(ElevatorStatus.IN_SERVICE);
        assertThat(registry.find(Scope.SYSTEM, elevator).orElseThrow().nextInspectionDue()).isEqualTo(time.today().plusYears(1));
        // a maintenance company records self-tests, not periodic inspections
        assertThatThrownBy(() -> inspections.record(scope("mcmanager"), elevator, InspectionKind.PERIODIC, time.today(),
                InspectionResult.PASS, null)).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void theApiAnswersOverdueOnTimeRatesAndAnElevatorsMaintenance() throws Exception {
        clock.reset();
        mvc.perform(get("/api/v1/maintenance/on-time-rate?month=" + time.today().minusMonths(1).toString().substring(0, 7))
                        .with(demoUsers.as("regulator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(org.hamcrest.Matchers.greaterThanOrEqualTo(8)))
                .andExpect(jsonPath("$[0].rate").value(org.hamcrest.Matchers.greaterThan(0.8)));
        mvc.perform(get("/api/v1/maintenance/on-time-rate?month=2026-13").with(demoUsers.as("regulator")))
                .andExpect(status().isBadRequest());
        long elevator = new DemoData(jdbc).elevator("小河佳苑", "运河电梯");
        mvc.perform(get("/api/v1/elevators/" + elevator + "/maintenance").with(demoUsers.as("maintainer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.visits.length()").value(org.hamcrest.Matchers.greaterThan(10)))
                .andExpect(jsonPath("$.inspections.length()").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)));
        mvc.perform(get("/api/v1/elevators/" + elevator + "/maintenance").with(demoUsers.as("maintainer2")))
                .andExpect(status().isNotFound());
        long foreign = new DemoData(jdbc).elevator("半山和苑", jdbc.sql("""
                SELECT o.short_name FROM maintenance_plan p JOIN organization o ON o.id = p.maintenance_company_id
                JOIN community c ON c.id = p.community_id WHERE c.name = '半山和苑' LIMIT 1""").query(String.class).single());
        mvc.perform(get("/api/v1/elevators/" + foreign + "/maintenance").with(demoUsers.as("owners")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/maintenance/visits/999999999/record").with(demoUsers.as("maintainer"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"items\":[],\"idempotencyKey\":\"x\","
                                + "\"startedAt\":\"2026-01-01T00:00:00Z\",\"finishedAt\":\"2026-01-01T01:00:00Z\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/maintenance/overdue").with(demoUsers.as("regulator")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(org.hamcrest.Matchers.greaterThan(0)));
        mvc.perform(get("/maintenance/supervision").with(demoUsers.as("regulator")))
                .andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .content().string(containsString("北辰电梯")));
    }

    @Test
    void theDemoYearLooksLikeTheGongshuReports() {
        assertThat(jdbc.sql("SELECT count(*) FROM maintenance_visit WHERE finished_at > now() - interval '400 days'")
                .query(Long.class).single()).isGreaterThan(20_000);
        // 北辰电梯 cuts corners, visibly
        List<String> worst = jdbc.sql("""
                SELECT o.short_name FROM visit_flag f JOIN maintenance_visit v ON v.id = f.visit_id
                JOIN organization o ON o.id = v.company_id GROUP BY o.short_name ORDER BY count(*) DESC LIMIT 1""")
                .query(String.class).list();
        assertThat(worst).containsExactly("北辰电梯");
        assertThat(jdbc.sql("SELECT count(DISTINCT result) FROM inspection").query(Long.class).single()).isEqualTo(3);
        assertThat(queries.myVisits(scope("maintainer"))).isNotEmpty();
    }
}
