package cn.liftcare.incidents;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.UserId;
import cn.liftcare.incidents.PastIncident.Actor;
import cn.liftcare.incidents.PastIncident.PastStep;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;
import cn.liftcare.support.LiftCareTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** Past incidents go through the incident's own steps: times in order and in the past, late arrivals breached. */
@LiftCareTest
class IncidentHistoryIT {

    @Autowired IncidentHistory history;
    @Autowired Parts parts;
    @Autowired JdbcClient jdbc;
    @Autowired LiftCareTime time;

    /** A traction elevator in service with nothing open, and no other test's incidents: each test its own. */
    ElevatorId elevator(int nth) {
        return new ElevatorId(jdbc.sql("""
                SELECT e.id FROM elevator e WHERE e.status = 'IN_SERVICE' AND e.type = 'TRACTION'
                  AND e.maintenance_company_id IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM incident i WHERE i.elevator_id = e.id AND i.closed_at IS NULL)
                ORDER BY e.id OFFSET :n LIMIT 1""").param("n", 300 + nth).query(Long.class).single());
    }

    Instant ago(Duration d) {
        return time.now().minus(d).truncatedTo(ChronoUnit.SECONDS);
    }

    static final Actor OPERATOR = Actor.named("96333 坐席");

    static PastIncident entrapment(ElevatorId elevator, Instant reported, int acceptMin, int arriveMin) {
        Actor crew = new Actor(new UserId(4242), "wb-history", null);
        return new PastIncident(elevator, Channel.CALL_CENTRE, Symptom.TRAPPED, null, "困人", reported, OPERATOR, List.of(
                PastStep.of(Step.ACCEPTED, reported.plus(Duration.ofMinutes(acceptMin)), crew),
                PastStep.of(Step.ARRIVED, reported.plus(Duration.ofMinutes(arriveMin)), crew),
                PastStep.of(Step.RELEASED, reported.plus(Duration.ofMinutes(arriveMin + 5)), crew),
                PastStep.of(Step.RESTORED, reported.plus(Duration.ofMinutes(arriveMin + 40)), crew),
                PastStep.of(Step.CONFIRMED, reported.plus(Duration.ofHours(5)), Actor.named("property"))), null);
    }

    @Test
    void aLateArrivalIsABreachAndTheTimelineKeepsTheRecordedTimesAndActors() {
        ElevatorId elevator = elevator(0);
        Instant reported = ago(Duration.ofDays(40));
        IncidentId id = history.importAll(List.of(entrapment(elevator, reported, 3, 45))).get(0);

        assertThat(jdbc.sql("SELECT status, arrived_at, arrival_token_hash IS NOT NULL FROM incident WHERE id = :id")
                .param("id", id.value()).query((rs, i) -> rs.getString(1) + " " + rs.getTimestamp(2).toInstant() + " "
                        + rs.getBoolean(3)).single())
                .isEqualTo("CONFIRMED " + reported.plus(Duration.ofMinutes(45)) + " true");
        assertThat(jdbc.sql("SELECT kind || ' ' || limit_minutes FROM incident_breach WHERE incident_id = :id")
                .param("id", id.value()).query(String.class).list()).containsExactly("ARRIVAL 30");
        List<String> steps = jdbc.sql("""
                SELECT step, at, actor_name, organization_id FROM incident_step WHERE incident_id = :id ORDER BY id""")
                .param("id", id.value()).query((rs, i) -> rs.getString(1) + " +"
                        + Duration.between(reported, rs.getTimestamp(2).toInstant()).toMinutes() + " " + rs.getString(3)
                        + (rs.getObject(4) == null ? "" : " org")).list();
        assertThat(steps).containsExactly("REPORTED +0 96333 坐席", "DISPATCHED +0 system", "ACCEPTED +3 wb-history org",
                "ARRIVED +45 wb-history org", "RELEASED +50 wb-history org", "RESTORED +85 wb-history org",
                "CONFIRMED +300 property org", "BREACHED +300 system");
        assertThat(jdbc.sql("SELECT count(*) FROM incident_report WHERE incident_id = :id").param("id", id.value())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void stepsOutOfTimeOrderInTheFutureOrOutOfTurnAreRefusedAndNothingIsWritten() {
        ElevatorId elevator = elevator(1);
        long before = jdbc.sql("SELECT count(*) FROM incident").query(Long.class).single();
        Instant reported = ago(Duration.ofDays(30));
        PastIncident good = entrapment(elevator, ago(Duration.ofDays(60)), 2, 10);
        PastIncident arrivedBeforeAccepted = entrapment(elevator, reported, 12, 10);
        PastIncident future = entrapment(elevator(2), ago(Duration.ofMinutes(20)), 2, 10);
        PastIncident releasedNonEntrapment = new PastIncident(elevator(3), Channel.RESIDENT, Symptom.DOOR_FAULT, null,
                null, reported, null, List.of(PastStep.of(Step.ACCEPTED, reported.plusSeconds(60), null),
                        PastStep.of(Step.ARRIVED, reported.plusSeconds(600), null),
                        PastStep.of(Step.RELEASED, reported.plusSeconds(700), null)), null);
        PastIncident silentFalseAlarm = new PastIncident(elevator(4), Channel.RESIDENT, Symptom.NOISE, null, null,
                reported, null, List.of(PastStep.of(Step.FALSE_ALARM, reported.plusSeconds(60), null)), null);

        ValidationFailedException e = catchThrowableOfType(ValidationFailedException.class, () -> history.importAll(
                List.of(good, arrivedBeforeAccepted, future, releasedNonEntrapment, silentFalseAlarm)));

        assertThat(e.violations()).extracting(Violation::field, Violation::messageKey).containsExactlyInAnyOrder(
                tuple("incidents[1].steps[1].at", "incident.history.order"),
                tuple("incidents[2].steps[3].at", "incident.history.future"),
                tuple("incidents[2].steps[4].at", "incident.history.future"),
                tuple("incidents[3].steps[2].step", "incident.step.order"),
                tuple("incidents[4].steps[0].note", "incident.falseAlarm.reason"));
        assertThat(jdbc.sql("SELECT count(*) FROM incident").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void oneElevatorsIncidentsMayNotOverlap() {
        ElevatorId elevator = elevator(5);
        Instant reported = ago(Duration.ofDays(20));
        ValidationFailedException e = catchThrowableOfType(ValidationFailedException.class, () -> history.importAll(
                List.of(entrapment(elevator, reported, 2, 10), entrapment(elevator, reported.plusSeconds(1800), 2, 10))));
        assertThat(e.violations()).extracting(Violation::field).containsExactly("incidents[1].reportedAt");
        assertThat(e.violations().get(0).messageKey()).isEqualTo("incident.history.overlap");
    }

    @Test
    void aRepairWithPartsIsOpenedFromTheIncidentAndCompletedAtItsRecordedTimes() {
        ElevatorId elevator = elevator(6);
        Instant reported = ago(Duration.ofDays(10));
        Part lock = parts.search("DOORS", null, "DLK").get(0);
        PastIncident.PastRepair repair = new PastIncident.PastRepair(null, reported.plus(Duration.ofMinutes(20)),
                "厅门门锁触点烧蚀，已更换", FaultLocation.DOORS, new BigDecimal("1.5"),
                List.of(new RepairWork.PartLine(lock.id().value(), RepairPart.Action.REPLACE, 1, new BigDecimal("360"))),
                reported.plus(Duration.ofMinutes(50)), null);
        PastIncident p = entrapment(elevator, reported, 2, 9);
        IncidentId id = history.importAll(List.of(new PastIncident(p.elevatorId(), p.channel(), p.symptom(), p.type(),
                p.description(), p.reportedAt(), p.reporter(), p.steps(), repair))).get(0);

        var order = jdbc.sql("""
                SELECT r.status, r.fault_location, r.opened_at, r.completed_at, r.out_of_service_at, r.restored_at,
                       p.unit_price, p.guide_price FROM repair_order r JOIN repair_order_part p ON p.repair_order_id = r.id
                WHERE r.incident_id = :id""").param("id", id.value()).query().singleRow();
        assertThat(order.get("status")).isEqualTo("COMPLETED");
        assertThat(order.get("fault_location")).isEqualTo("DOORS");
        assertThat(((Timestamp) order.get("completed_at")).toInstant()).isEqualTo(reported.plus(Duration.ofMinutes(50)));
        assertThat(((Timestamp) order.get("out_of_service_at")).toInstant()).isEqualTo(reported);
        assertThat(((Timestamp) order.get("restored_at")).toInstant()).isEqualTo(reported.plus(Duration.ofMinutes(49)));
        assertThat((BigDecimal) order.get("unit_price")).isEqualByComparingTo("360");
        assertThat((BigDecimal) order.get("guide_price")).isEqualByComparingTo(lock.guidePrice().amount());

        PastIncident falseAlarmWithRepair = new PastIncident(elevator(7), Channel.RESIDENT, Symptom.NOISE, null, null,
                reported, null, List.of(new PastStep(Step.FALSE_ALARM, reported.plusSeconds(60), null, "误报")), repair);
        assertThat(catchThrowableOfType(ValidationFailedException.class,
                () -> history.importAll(List.of(falseAlarmWithRepair))).violations())
                .extracting(Violation::messageKey).contains("incident.history.repair.falseAlarm");
    }

    @Test
    void anIncidentStillOpenIsWatchedFromNowOnAtRiskItEscalatesAndItsUnitIsNotified() {
        ElevatorId elevator = elevator(8);
        Instant reported = ago(Duration.ofMinutes(25));
        OrganizationId company = new OrganizationId(jdbc.sql("SELECT maintenance_company_id FROM elevator WHERE id = :e")
                .param("e", elevator.value()).query(Long.class).single());
        IncidentId id = history.importAll(List.of(new PastIncident(elevator, Channel.CALL_CENTRE, Symptom.TRAPPED, null,
                null, reported, OPERATOR, List.of(PastStep.of(Step.ACCEPTED, reported.plusSeconds(120), null)), null)))
                .get(0);

        assertThat(jdbc.sql("SELECT status || ' ' || (escalated_at IS NOT NULL) FROM incident WHERE id = :id")
                .param("id", id.value()).query(String.class).single()).isEqualTo("ACCEPTED true");
        assertThat(jdbc.sql("SELECT kind FROM notification WHERE incident_id = :id ORDER BY id").param("id", id.value())
                .query(String.class).list()).contains("DISPATCHED", "ESCALATED");
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE incident_id = :id AND kind = 'DISPATCHED' "
                + "AND organization_id = :c").param("id", id.value()).param("c", company.value()).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT step FROM incident_step WHERE incident_id = :id ORDER BY id").param("id", id.value())
                .query(String.class).list()).containsExactly("REPORTED", "DISPATCHED", "ACCEPTED", "ESCALATED");
        assertThat(catchThrowableOfType(ValidationFailedException.class, () -> history.importAll(List.of(
                new PastIncident(elevator, Channel.RESIDENT, Symptom.NOISE, null, null, ago(Duration.ofMinutes(5)), null,
                        List.of(), null)))).violations()).extracting(Violation::messageKey)
                .containsExactly("incident.history.overlap");
    }
}
