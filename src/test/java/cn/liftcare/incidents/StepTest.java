package cn.liftcare.incidents;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import cn.liftcare.identity.OrganizationId;
import cn.liftcare.registry.CommunityId;
import cn.liftcare.registry.DistrictId;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.registry.ElevatorSnapshot;
import cn.liftcare.registry.ElevatorStatus;
import cn.liftcare.registry.ElevatorType;
import cn.liftcare.registry.UnitId;
import cn.liftcare.registry.UseCategory;
import cn.liftcare.shared.RuleViolationException;

import static cn.liftcare.incidents.Step.ACCEPTED;
import static cn.liftcare.incidents.Step.ARRIVED;
import static cn.liftcare.incidents.Step.CONFIRMED;
import static cn.liftcare.incidents.Step.FALSE_ALARM;
import static cn.liftcare.incidents.Step.REASSIGNED;
import static cn.liftcare.incidents.Step.RELEASED;
import static cn.liftcare.incidents.Step.RESTORED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The rescue timeline as a state machine: what may follow what, and what the aggregate refuses. */
class StepTest {

    static final OrganizationId COMPANY = new OrganizationId(7);
    static final OrganizationId BACKUP = new OrganizationId(8);
    static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");
    static final ResponseRule RULE = ResponseRule.defaults(new DistrictId(1), true);

    static ElevatorSnapshot elevator(OrganizationId company) {
        return new ElevatorSnapshot(new ElevatorId(42), "31103301052019000042", "12345", ElevatorType.TRACTION, "康力",
                "KLK2", LocalDate.of(2019, 1, 1), LocalDate.of(2019, 6, 1), 18, 1000, new BigDecimal("1.75"),
                UseCategory.RESIDENTIAL, new UnitId(3), new CommunityId(4), new DistrictId(1), new OrganizationId(5),
                company, ElevatorStatus.IN_SERVICE, null, null, false, null);
    }

    static Incident reported(IncidentType type) {
        return Incident.report(new IncidentId(1), elevator(COMPANY), type, Channel.RESIDENT, Symptom.TRAPPED, null,
                RULE, T0);
    }

    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    static void assertRefused(Runnable step, Step... allowed) {
        RuleViolationException e = catchThrowableOfType(RuleViolationException.class, step::run);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.rule()).isEqualTo("incident-step-order");
        assertThat(e.properties().get("allowed"))
                .isEqualTo(java.util.Arrays.stream(allowed).map(Step::name).toList());
    }

    @Test
    void eachStatusAllowsExactlyItsNextSteps() {
        for (IncidentType type : IncidentType.values()) {
            boolean entrapment = type == IncidentType.ENTRAPMENT;
            assertThat(Step.allowed(IncidentStatus.REPORTED, type)).containsExactly(REASSIGNED, FALSE_ALARM);
            assertThat(Step.allowed(IncidentStatus.DISPATCHED, type)).containsExactly(ACCEPTED, REASSIGNED, FALSE_ALARM);
            assertThat(Step.allowed(IncidentStatus.ACCEPTED, type)).containsExactly(ARRIVED, REASSIGNED, FALSE_ALARM);
            assertThat(Step.allowed(IncidentStatus.ARRIVED, type)).as(type.name())
                    .containsExactly(entrapment ? RELEASED : RESTORED, FALSE_ALARM);
            assertThat(Step.allowed(IncidentStatus.RELEASED, type)).containsExactly(RESTORED);
            assertThat(Step.allowed(IncidentStatus.RESTORED, type)).containsExactly(CONFIRMED);
            assertThat(Step.allowed(IncidentStatus.CONFIRMED, type)).isEmpty();
            assertThat(Step.allowed(IncidentStatus.FALSE_ALARM, type)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(IncidentStatus.class)
    void aFalseAlarmCanCloseOnlyAnOpenIncidentWhoseNobodyWasReleased(IncidentStatus status) {
        boolean expected = status.open() && status != IncidentStatus.RELEASED;
        assertThat(Step.allowed(status, IncidentType.ENTRAPMENT).contains(FALSE_ALARM)).isEqualTo(expected);
        assertThat(Step.allowed(status, IncidentType.MINOR_DEFECT).contains(FALSE_ALARM)).isEqualTo(expected);
    }

    @Test
    void annotationsNeverAppearAsSomethingToDo() {
        for (IncidentStatus status : IncidentStatus.values()) {
            for (IncidentType type : IncidentType.values()) {
                assertThat(Step.allowed(status, type)).doesNotContain(Step.REPORTED, Step.DISPATCHED, Step.REPORT_JOINED,
                        Step.TYPE_RAISED, Step.ESCALATED, Step.BREACHED);
            }
        }
    }

    @Test
    void aReportIsDispatchedAtOnceToTheMaintenanceCompanyOrWaitsWithoutOne() {
        Incident incident = reported(IncidentType.ENTRAPMENT);
        assertThat(incident.status()).isEqualTo(IncidentStatus.DISPATCHED);
        assertThat(incident.rescueCompanyId()).isEqualTo(COMPANY);
        assertThat(incident.facts().limits()).isEqualTo(new ResponseLimits(5, 30, 67, 120));
        Incident orphan = Incident.report(new IncidentId(2), elevator(null), IncidentType.ENTRAPMENT, Channel.RESIDENT,
                Symptom.TRAPPED, null, RULE, T0);
        assertThat(orphan.status()).isEqualTo(IncidentStatus.REPORTED);
        assertThat(orphan.rescueCompanyId()).isNull();
        assertRefused(() -> orphan.accept(T0), REASSIGNED, FALSE_ALARM);
        orphan.reassign(BACKUP, at(3));
        assertThat(orphan.status()).isEqualTo(IncidentStatus.DISPATCHED);
        assertThat(orphan.rescueCompanyId()).isEqualTo(BACKUP);
    }

    @Test
    void theStraightPathOfAnEntrapment() {
        Incident incident = reported(IncidentType.ENTRAPMENT);
        incident.accept(at(1));
        incident.arrive("hash", at(12));
        incident.release(at(15));
        incident.restore(at(40));
        incident.confirm(at(60));
        assertThat(incident.status()).isEqualTo(IncidentStatus.CONFIRMED);
        ResponseClock.Facts facts = incident.facts();
        assertThat(facts.acceptedAt()).isEqualTo(at(1));
        assertThat(facts.arrivedAt()).isEqualTo(at(12));
        assertThat(facts.restoredAt()).isEqualTo(at(40));
        assertThat(incident.restoredAt()).isEqualTo(at(40));
    }

    @Test
    void noStepMaybeSkipped() {
        Incident incident = reported(IncidentType.ENTRAPMENT);
        assertRefused(() -> incident.arrive("hash", at(10)), ACCEPTED, REASSIGNED, FALSE_ALARM);
        assertRefused(() -> incident.restore(at(10)), ACCEPTED, REASSIGNED, FALSE_ALARM);
        assertRefused(() -> incident.confirm(at(10)), ACCEPTED, REASSIGNED, FALSE_ALARM);
        assertThat(incident.status()).isEqualTo(IncidentStatus.DISPATCHED);
        incident.accept(at(1));
        incident.arrive("hash", at(10));
        // an entrapment's passengers are released before service is restored
        assertRefused(() -> incident.restore(at(11)), RELEASED, FALSE_ALARM);
        assertThat(incident.facts().restoredAt()).isNull();
    }

    @Test
    void noStepMayBeTakenBack() {
        Incident incident = reported(IncidentType.OUT_OF_SERVICE);
        incident.accept(at(1));
        incident.arrive("hash", at(10));
        assertRefused(() -> incident.accept(at(11)), RESTORED, FALSE_ALARM);
        assertRefused(() -> incident.arrive("again", at(11)), RESTORED, FALSE_ALARM);
        incident.restore(at(30));
        assertRefused(() -> incident.arrive("again", at(31)), CONFIRMED);
        assertRefused(() -> incident.falseAlarm(at(31)), CONFIRMED);
        incident.confirm(at(40));
        assertRefused(() -> incident.restore(at(41)));
        assertRefused(() -> incident.falseAlarm(at(41)));
    }

    @Test
    void onlyAnEntrapmentIsReleased() {
        Incident stopped = reported(IncidentType.OUT_OF_SERVICE);
        stopped.accept(at(1));
        stopped.arrive("hash", at(10));
        assertRefused(() -> stopped.release(at(11)), RESTORED, FALSE_ALARM);
        Incident trapped = reported(IncidentType.ENTRAPMENT);
        trapped.accept(at(1));
        trapped.arrive("hash", at(10));
        trapped.release(at(11));
        assertThat(trapped.status()).isEqualTo(IncidentStatus.RELEASED);
    }

    @Test
    void aFalseAlarmClosesAnOpenIncidentAndNothingFollowsIt() {
        Incident incident = reported(IncidentType.ENTRAPMENT);
        incident.accept(at(1));
        incident.falseAlarm(at(2));
        assertThat(incident.status()).isEqualTo(IncidentStatus.FALSE_ALARM);
        assertThat(incident.status().closed()).isTrue();
        assertRefused(() -> incident.arrive("hash", at(3)));
        assertRefused(() -> incident.falseAlarm(at(3)));
        assertThatThrownBy(() -> incident.join(IncidentType.ENTRAPMENT, RULE))
                .isInstanceOf(RuleViolationException.class).hasMessage("incident-closed");
        // restored: no longer open, so not a false alarm any more
        Incident restored = reported(IncidentType.MINOR_DEFECT);
        restored.accept(at(1));
        restored.arrive("hash", at(5));
        restored.restore(at(9));
        assertRefused(() -> restored.falseAlarm(at(10)), CONFIRMED);
    }

    @Test
    void aReassignmentHandsTheRescueToAnotherUnitOnlyBeforeArrival() {
        Incident incident = reported(IncidentType.ENTRAPMENT);
        assertThatThrownBy(() -> incident.reassign(COMPANY, at(2))).isInstanceOf(RuleViolationException.class)
                .hasMessage("reassign-same-unit");
        incident.accept(at(2));
        incident.reassign(BACKUP, at(6));
        assertThat(incident.status()).isEqualTo(IncidentStatus.DISPATCHED);
        assertThat(incident.rescueCompanyId()).isEqualTo(BACKUP);
        assertThat(incident.maintenanceCompanyId()).as("still accountable").isEqualTo(COMPANY);
        assertThatThrownBy(() -> incident.reassign(BACKUP, at(7))).isInstanceOf(RuleViolationException.class)
                .hasMessage("reassign-same-unit");
        incident.accept(at(8));
        // the first acceptance counts: the clock runs from the first report, whoever rescues
        assertThat(incident.facts().acceptedAt()).isEqualTo(at(2));
        assertThat(incident.facts().reportedAt()).isEqualTo(T0);
        incident.arrive("hash", at(20));
        assertRefused(() -> incident.reassign(COMPANY, at(21)), RELEASED, FALSE_ALARM);
        assertThat(incident.rescueCompanyId()).isEqualTo(BACKUP);
    }

    @Test
    void aGraverReportRaisesTheTypeOnlyBeforeArrival() {
        ResponseRule rule = new ResponseRule(new DistrictId(1), 5, 15, 67, 90, 1440, 2880, 10080);
        Incident noise = Incident.report(new IncidentId(3), elevator(COMPANY), IncidentType.MINOR_DEFECT,
                Channel.RESIDENT, Symptom.NOISE, null, RULE, T0);
        assertThat(noise.facts().limits().restoreMinutes()).isEqualTo(10080);
        assertThat(noise.join(IncidentType.MINOR_DEFECT, rule)).isFalse();
        assertThat(noise.join(IncidentType.ENTRAPMENT, rule)).isTrue();
        assertThat(noise.type()).isEqualTo(IncidentType.ENTRAPMENT);
        assertThat(noise.facts().limits().arrivalMinutes()).isEqualTo(15);
        assertThat(noise.facts().limits().restoreMinutes()).isEqualTo(90);
        // a lesser report counts but lowers nothing
        assertThat(noise.join(IncidentType.OUT_OF_SERVICE, rule)).isFalse();
        assertThat(noise.type()).isEqualTo(IncidentType.ENTRAPMENT);

        Incident stopped = reported(IncidentType.OUT_OF_SERVICE);
        stopped.accept(at(1));
        stopped.arrive("hash", at(10));
        assertThat(stopped.join(IncidentType.ENTRAPMENT, rule)).isFalse();
        assertThat(stopped.type()).isEqualTo(IncidentType.OUT_OF_SERVICE);
        assertThat(stopped.facts().limits().restoreMinutes()).isEqualTo(1440);
        // still the non-entrapment path
        assertThat(Step.allowed(stopped.status(), stopped.type())).containsExactly(RESTORED, FALSE_ALARM);
    }

    @Test
    void everyJoinCounts() throws Exception {
        Incident incident = reported(IncidentType.MINOR_DEFECT);
        incident.join(IncidentType.MINOR_DEFECT, RULE);
        incident.join(IncidentType.ENTRAPMENT, RULE);
        incident.join(IncidentType.SAFETY_HAZARD, RULE);
        var field = Incident.class.getDeclaredField("reportCount");
        field.setAccessible(true);
        assertThat(field.getInt(incident)).isEqualTo(4);
    }

    @Test
    void escalationHappensOnce() {
        Incident incident = reported(IncidentType.ENTRAPMENT);
        assertThat(incident.escalate(at(21))).isTrue();
        assertThat(incident.escalate(at(25))).isFalse();
        assertThat(incident.escalatedAt()).isEqualTo(at(21));
    }

    @Test
    void onlyTimelineStepsLeadSomewhere() {
        for (Step step : List.of(Step.REPORT_JOINED, Step.TYPE_RAISED, Step.ESCALATED, Step.BREACHED, Step.REPORTED)) {
            assertThatThrownBy(step::leadsTo).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(REASSIGNED.leadsTo()).isEqualTo(IncidentStatus.DISPATCHED);
    }
}
