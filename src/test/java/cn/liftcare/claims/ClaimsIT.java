package cn.liftcare.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.incidents.FaultLocation;
import cn.liftcare.incidents.IncidentId;
import cn.liftcare.incidents.RepairOrderId;
import cn.liftcare.incidents.RepairOrderView;
import cn.liftcare.incidents.RepairWork;
import cn.liftcare.incidents.RepairPart;
import cn.liftcare.ledger.Books;
import cn.liftcare.maintenance.InspectionKind;
import cn.liftcare.maintenance.InspectionRecords;
import cn.liftcare.maintenance.InspectionResult;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.policies.PolicyFixtures;
import cn.liftcare.policies.PolicyWork;
import cn.liftcare.policies.SurveyWork;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.Money;
import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.support.DemoUsers;
import cn.liftcare.support.LiftCareTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Claims through the services: straight through from a repair, referred and approved twice, paid exactly once. */
@LiftCareTest
class ClaimsIT {

    @Autowired ClaimDesk desk;
    @Autowired Adjusting adjusting;
    @Autowired ClaimQueries queries;
    @Autowired PolicyWork policies;
    @Autowired SurveyWork surveys;
    @Autowired RepairWork repairs;
    @Autowired Books books;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService userDetails;
    @Autowired LiftCareTime time;
    @Autowired TransactionTemplate tx;
    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired InspectionRecords inspections;

    PolicyFixtures fx;
    LocalDate today;

    @BeforeEach
    void setUp() {
        fx = new PolicyFixtures(jdbc, userDetails);
        today = time.today();
    }

    /** A completed repair order with parts on an elevator no policy names yet, insured from before the repair. */
    RepairOrderView insuredRepair(boolean withIncident) {
        Long order = jdbc.sql("""
                SELECT r.id FROM repair_order r JOIN elevator e ON e.id = r.elevator_id
                WHERE r.status = 'COMPLETED' AND EXISTS (SELECT 1 FROM repair_order_part p WHERE p.repair_order_id = r.id)
                  AND r.before_photo_id IS NOT NULL AND r.after_photo_id IS NOT NULL AND e.status = 'IN_SERVICE'
                  AND e.commissioning_date < DATE '2023-01-01' AND """ + (withIncident
                        ? " r.incident_id IS NOT NULL AND EXISTS (SELECT 1 FROM incident i WHERE i.id = r.incident_id AND i.arrival_token_hash IS NOT NULL)"
                        : " r.incident_id IS NULL") + """
                  AND NOT EXISTS (SELECT 1 FROM policy_elevator pe WHERE pe.elevator_id = r.elevator_id)
                  AND NOT EXISTS (SELECT 1 FROM risk_survey s WHERE s.elevator_id = r.elevator_id)
                  AND NOT EXISTS (SELECT 1 FROM claim c WHERE c.elevator_id = r.elevator_id)
                ORDER BY r.completed_at DESC LIMIT 1""").query(Long.class).single();
        RepairOrderView view = repairs.visibleOrder(Scope.SYSTEM, new RepairOrderId(order)).view();
        LocalDate completed = LocalDate.ofInstant(view.completedAt(), LiftCareTime.ZONE);
        fx.insure(policies, surveys, List.of(view.elevatorId().value()), completed.minusDays(30), today);
        return view;
    }

    long entries(String key) {
        return jdbc.sql("SELECT count(*) FROM journal_entry WHERE idempotency_key = :k").param("k", key)
                .query(Long.class).single();
    }

    @Test
    void aCleanRepairIsPaidAtOnceAndOnlyOnceHoweverOftenItIsDelivered() {
        RepairOrderView order = insuredRepair(true);
        ClaimView claim = desk.fromRepairOrder(order).orElseThrow();
        assertThat(claim.findings()).extracting(Finding::rule).contains("cover.policy", "price", "labour",
                "evidence.link", "evidence.checkIn", "evidence.photos", "money");
        if (claim.outcome() == Finding.Result.PASS) {
            assertThat(claim.status()).isEqualTo(ClaimStatus.PAID);
            assertThat(claim.approved()).isEqualTo(claim.assessed());
            assertThat(entries("claim:" + claim.id() + ":payout")).isEqualTo(1);
        }
        else {
            assertThat(claim.status()).isIn(ClaimStatus.REFERRED, ClaimStatus.DECLINED);
            assertThat(claim.payoutEntryId()).isNull();
        }
        assertThat(desk.fromRepairOrder(order).orElseThrow().id()).as("a redelivery finds the claim").isEqualTo(claim.id());
        assertThat(jdbc.sql("SELECT count(*) FROM claim WHERE source_ref = :r").param("r", "repair-order:" + order.id().value())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(books.trialBalance(today.plusDays(1), null).balanced()).isTrue();
    }

    @Test
    void aCrashBeforeCommitLeavesNoClaimAndNoMoneyAndTheRedeliveryPaysOnce() {
        RepairOrderView order = insuredRepair(true);
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            desk.fromRepairOrder(order);
            throw new IllegalStateException("the process dies before commit");
        })).hasMessageContaining("dies");
        assertThat(jdbc.sql("SELECT count(*) FROM claim WHERE source_ref = :r").param("r", "repair-order:" + order.id().value())
                .query(Long.class).single()).isZero();
        ClaimView claim = desk.fromRepairOrder(order).orElseThrow();
        if (claim.status() == ClaimStatus.PAID) {
            assertThat(entries("claim:" + claim.id() + ":payout")).isEqualTo(1);
        }
    }

    @Test
    void aRepairOnAnUninsuredElevatorOpensNoClaim() {
        Long order = jdbc.sql("""
                SELECT r.id FROM repair_order r WHERE r.status = 'COMPLETED'
                  AND EXISTS (SELECT 1 FROM repair_order_part p WHERE p.repair_order_id = r.id)
                  AND NOT EXISTS (SELECT 1 FROM policy_elevator pe WHERE pe.elevator_id = r.elevator_id)
                ORDER BY r.id LIMIT 1""").query(Long.class).single();
        assertThat(desk.fromRepairOrder(repairs.visibleOrder(Scope.SYSTEM, new RepairOrderId(order)).view())).isEmpty();
    }

    /** A claim filed by the elevator's maintenance company at twice the guide price: referred for price. */
    ClaimView referred(List<Long> elevators, String key) {
        long company = fx.companiesOf(elevators).get(0);
        Scope manager = fx.actingFor(company, OrganizationType.MAINTENANCE_COMPANY, Role.MAINTENANCE_MANAGER);
        long part = jdbc.sql("SELECT id FROM part WHERE code = 'DO-MC'").query(Long.class).single();
        return desk.file(manager, new ClaimDesk.NewClaim(elevators.get(0), "PARTS", today, Cause.WEAR,
                List.of(new ClaimDesk.NewLine(part, RepairPart.Action.REPLACE, 1, Money.ofYuan(4000))),
                new BigDecimal("3"), null, "门机电机烧毁", key));
    }

    @Test
    void aReferredClaimAboveTheAdjustersLimitNeedsASecondApprover() {
        List<Long> elevators = fx.uninsured(1);
        fx.insure(policies, surveys, elevators, today, today);
        ClaimView claim = referred(elevators, "second-" + elevators.get(0));
        assertThat(claim.status()).isEqualTo(ClaimStatus.REFERRED);
        assertThat(claim.findings()).filteredOn(f -> f.result() == Finding.Result.REFER).extracting(Finding::rule)
                .contains("price", "evidence.link", "evidence.checkIn", "evidence.photos");
        assertThat(queries.list(fx.user("insurer"), null, true, "price", null, 500)).extracting(ClaimQueries.ClaimRow::id)
                .contains(claim.id());

        Scope adjuster = fx.user("insurer");
        jdbc.sql("INSERT INTO adjuster_authority (user_id, approval_limit, updated_at) VALUES (:u, 1000, now()) "
                + "ON CONFLICT (user_id) DO UPDATE SET approval_limit = 1000").param("u", adjuster.userId().value()).update();
        ClaimView held = adjusting.decide(adjuster, new ClaimId(claim.id()), new Adjusting.Decision(
                Adjusting.Action.ADJUST, Money.ofYuan(2360), "按指导价 2,000 元加 3 工时核定", null));
        assertThat(held.status()).isEqualTo(ClaimStatus.PENDING_SECOND);
        assertThatThrownBy(() -> adjusting.decide(adjuster, new ClaimId(claim.id()), new Adjusting.Decision(
                Adjusting.Action.APPROVE, Money.ofYuan(2360), "再批", null)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("second-approver"));
        ClaimView paid = adjusting.decide(fx.user("supervisor"), new ClaimId(claim.id()), new Adjusting.Decision(
                Adjusting.Action.APPROVE, Money.ofYuan(2360), "复核同意", null));
        assertThat(paid.status()).isEqualTo(ClaimStatus.PAID);
        assertThat(entries("claim:" + claim.id() + ":payout")).isEqualTo(1);
        assertThatThrownBy(() -> adjusting.decide(adjuster, new ClaimId(claim.id()), new Adjusting.Decision(
                Adjusting.Action.DECLINE, null, "太迟", null)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("claim-closed"));
        jdbc.sql("DELETE FROM adjuster_authority WHERE user_id = :u").param("u", adjuster.userId().value()).update();
        assertThat(jdbc.sql("SELECT count(*) FROM claim_decision WHERE claim_id = :c").param("c", claim.id())
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void fiftyIdenticalApprovalsPayOnce() throws Exception {
        List<Long> elevators = fx.uninsured(1);
        fx.insure(policies, surveys, elevators, today, today);
        ClaimView claim = referred(elevators, "fifty-" + elevators.get(0));
        Scope adjuster = fx.user("insurer");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Callable<ClaimView>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(() -> adjusting.decide(adjuster, new ClaimId(claim.id()), new Adjusting.Decision(
                    Adjusting.Action.ADJUST, Money.ofYuan(2360), "按指导价核定", "approve-" + claim.id())));
        }
        Set<ClaimStatus> statuses = new HashSet<>();
        for (Future<ClaimView> f : pool.invokeAll(calls)) {
            statuses.add(f.get().status());
        }
        pool.shutdown();
        assertThat(statuses).containsExactly(ClaimStatus.PAID);
        assertThat(entries("claim:" + claim.id() + ":payout")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM claim_decision WHERE claim_id = :c AND action = 'ADJUST'")
                .param("c", claim.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anEntrapmentOnAnInsuredElevatorPaysTheFixedSum() {
        Long incident = jdbc.sql("""
                SELECT i.id FROM incident i JOIN elevator e ON e.id = i.elevator_id
                WHERE i.type = 'ENTRAPMENT' AND i.released_at IS NOT NULL AND e.status = 'IN_SERVICE'
                  AND i.reported_at < (SELECT seeded_at FROM demo_seed WHERE name = 'incidents-2025')
                  AND e.maintenance_company_id IS NOT NULL AND e.type = 'TRACTION'
                  AND NOT EXISTS (SELECT 1 FROM policy_elevator pe WHERE pe.elevator_id = i.elevator_id)
                  AND NOT EXISTS (SELECT 1 FROM risk_survey s WHERE s.elevator_id = i.elevator_id)
                ORDER BY i.id DESC LIMIT 1""").query(Long.class).single();
        long elevator = jdbc.sql("SELECT elevator_id FROM incident WHERE id = :i").param("i", incident).query(Long.class).single();
        LocalDate reported = jdbc.sql("SELECT reported_at FROM incident WHERE id = :i").param("i", incident)
                .query(java.sql.Timestamp.class).single().toInstant().atZone(LiftCareTime.ZONE).toLocalDate();
        fx.insure(policies, surveys, List.of(elevator), reported.minusDays(10), today);
        ClaimView claim = desk.fromEntrapment(new IncidentId(incident)).orElseThrow();
        assertThat(claim.section()).isEqualTo("LIABILITY");
        assertThat(claim.claimed()).isEqualTo(Money.ofYuan(300));
        assertThat(claim.payeeId()).isEqualTo(fx.useUnitOf(elevator));
    }

    @Test
    void badClaimsAreRefusedWithTheFieldAndOutOfScopeIsNotFound() throws Exception {
        List<Long> elevators = fx.uninsured(1);
        long company = fx.companiesOf(elevators).get(0);
        Scope manager = fx.actingFor(company, OrganizationType.MAINTENANCE_COMPANY, Role.MAINTENANCE_MANAGER);
        long part = jdbc.sql("SELECT id FROM part WHERE code = 'DO-MC'").query(Long.class).single();
        assertThatThrownBy(() -> desk.file(manager, new ClaimDesk.NewClaim(elevators.get(0), "PARTS", today, null,
                List.of(new ClaimDesk.NewLine(part, RepairPart.Action.REPLACE, 1, Money.of("-1")),
                        new ClaimDesk.NewLine(999_999L, RepairPart.Action.REPLACE, 1, Money.ofYuan(1))),
                BigDecimal.ONE, null, null, "bad-" + elevators.get(0))))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).contains("lines[0].unitPrice", "lines[1].partId"));
        assertThatThrownBy(() -> desk.file(manager, new ClaimDesk.NewClaim(elevators.get(0), "PARTS", today, null,
                List.of(new ClaimDesk.NewLine(part, RepairPart.Action.REPLACE, 100, Money.ofYuan(9000))),
                BigDecimal.ONE, null, null, "absurd-" + elevators.get(0))))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.messageKey()).contains("claim.absurd"));
        mvc.perform(post("/api/v1/claims").with(users.as("maintainer2")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"elevatorId\":" + elevators.get(0) + ",\"lossDate\":\"" + today + "\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/claims/metrics").with(users.as("regulator"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.submitted").isNumber());
    }

    /** A catalogue part for any brand, not a consumable, with its guide price and labour norm. */
    record AnyPart(long id, Money guide, BigDecimal hours) {
    }

    AnyPart anyPart(List<Long> except) {
        return jdbc.sql("""
                SELECT id, guide_price, labour_hours FROM part
                WHERE category NOT IN ('CONSUMABLE', 'ESCALATOR') AND guide_price <= 1500 AND brands = '*'
                  AND NOT (id = ANY (:except)) ORDER BY id LIMIT 1""")
                .param("except", except.toArray(Long[]::new))
                .query((rs, i) -> new AnyPart(rs.getLong(1), Money.of(rs.getBigDecimal(2)), rs.getBigDecimal(3))).single();
    }

    @Test
    void aClaimFiledForAnIncidentTakesItsCheckInAndRepairPhotosAsEvidenceAndIsPaidStraightThrough() {
        RepairOrderView order = insuredRepair(true);
        AnyPart part = anyPart(order.parts().stream().map(p -> p.partId().value()).toList());
        long company = order.companyId().value();
        Scope manager = fx.actingFor(company, OrganizationType.MAINTENANCE_COMPANY, Role.MAINTENANCE_MANAGER);
        LocalDate lossDate = LocalDate.ofInstant(order.completedAt(), LiftCareTime.ZONE);
        ClaimView claim = desk.file(manager, new ClaimDesk.NewClaim(order.elevatorId().value(), "PARTS", lossDate, null,
                List.of(new ClaimDesk.NewLine(part.id(), RepairPart.Action.REPAIR, 1, part.guide())), part.hours(),
                order.incidentId().value(), "手工报案", "incident-evidence-" + order.id().value()));
        assertThat(claim.findings()).filteredOn(f -> f.rule().startsWith("evidence."))
                .extracting(Finding::rule, Finding::result).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("evidence.link", Finding.Result.PASS),
                        org.assertj.core.groups.Tuple.tuple("evidence.checkIn", Finding.Result.PASS),
                        org.assertj.core.groups.Tuple.tuple("evidence.photos", Finding.Result.PASS));
        assertThat(claim.status()).isEqualTo(ClaimStatus.PAID);
        assertThat(claim.payeeId()).isEqualTo(company);
        assertThat(entries("claim:" + claim.id() + ":payout")).isEqualTo(1);

        long other = jdbc.sql("""
                SELECT i.id FROM incident i WHERE i.elevator_id <> :e ORDER BY i.id LIMIT 1""")
                .param("e", order.elevatorId().value()).query(Long.class).single();
        assertThatThrownBy(() -> desk.file(manager, new ClaimDesk.NewClaim(order.elevatorId().value(), "PARTS", lossDate,
                null, List.of(new ClaimDesk.NewLine(part.id(), RepairPart.Action.REPAIR, 1, part.guide())), part.hours(),
                other, null, "foreign-incident-" + order.id().value())))
                .as("an incident of another elevator is no evidence")
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactly("incidentId"));
    }

    @Test
    void aFailedInspectionsRectificationIsRepairWorkWhoseCompletionIsClaimedUnderTheInspectionSection() {
        long elevator = fx.uninsured(1).get(0);
        long company = fx.companiesOf(List.of(elevator)).get(0);
        fx.insure(policies, surveys, List.of(elevator), today.minusDays(30), today);
        long body = jdbc.sql("SELECT id FROM organization WHERE type = 'INSPECTION_BODY' ORDER BY id LIMIT 1")
                .query(Long.class).single();
        var inspection = inspections.record(fx.actingFor(body, OrganizationType.INSPECTION_BODY, Role.INSPECTOR),
                new ElevatorId(elevator), InspectionKind.PERIODIC, today, InspectionResult.FAIL, "层门门锁触点烧蚀，须更换");
        Long orderId = jdbc.sql("""
                SELECT r.id FROM repair_order r JOIN repair_need n ON n.id = r.repair_need_id
                WHERE n.inspection_id = :i AND r.status = 'OPEN' AND r.company_id = :c""")
                .param("i", inspection.id().value()).param("c", company).query(Long.class).single();
        AnyPart part = anyPart(List.of());
        RepairOrderView done = repairs.complete(fx.actingFor(company, OrganizationType.MAINTENANCE_COMPANY, Role.MAINTAINER),
                new RepairOrderId(orderId), new RepairWork.CompleteRepair("门锁触点烧蚀，已更换", FaultLocation.DOORS,
                        part.hours(), null, null, null, null, List.of(new RepairWork.PartLine(part.id(),
                                RepairPart.Action.REPLACE, 1, part.guide().amount()))));
        ClaimView claim = desk.fromRepairOrder(done).orElseThrow();
        assertThat(claim.source()).isEqualTo(ClaimSource.RECTIFICATION);
        assertThat(claim.section()).isEqualTo("INSPECTION");
        assertThat(claim.payeeId()).isEqualTo(company);
        assertThat(claim.findings()).filteredOn(f -> f.rule().equals("evidence.link")).singleElement()
                .satisfies(f -> assertThat(f.evidence()).isEqualTo("inspection:" + elevator + ":" + inspection.id().value()));
        assertThat(desk.fromRepairOrder(done).orElseThrow().id()).isEqualTo(claim.id());
    }
}
