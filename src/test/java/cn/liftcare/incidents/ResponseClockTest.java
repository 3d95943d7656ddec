package cn.liftcare.incidents;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.liftcare.incidents.ResponseClock.Kind;
import cn.liftcare.incidents.ResponseClock.Limit;
import cn.liftcare.incidents.ResponseClock.State;
import cn.liftcare.registry.DistrictId;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Response limits judged at their boundaries: "within 30 minutes" includes the 30th, and not a millisecond more. */
class ResponseClockTest {

    static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");
    static final ResponseLimits URBAN = new ResponseLimits(5, 30, 67, 120);

    static ResponseClock.Facts entrapment(IncidentStatus status, Instant accepted, Instant arrived, Instant restored) {
        return new ResponseClock.Facts(IncidentType.ENTRAPMENT, status, T0, accepted, arrived, restored, URBAN);
    }

    static Instant after(Duration d) {
        return T0.plus(d);
    }

    static Instant after(int minutes, int seconds) {
        return T0.plusSeconds(minutes * 60L + seconds);
    }

    static Limit limit(List<Limit> limits, Kind kind) {
        return limits.stream().filter(l -> l.kind() == kind).findFirst().orElse(null);
    }

    static State state(ResponseClock.Facts facts, Instant now, Kind kind) {
        return limit(ResponseClock.assess(facts, now), kind).state();
    }

    @Test
    void anArrivalOnTheThirtiethMinuteIsMetAndAMillisecondLaterBreached() {
        Instant due = after(30, 0);
        Instant now = after(90, 0);
        var onTime = entrapment(IncidentStatus.ARRIVED, after(1, 0), due, null);
        Limit arrival = limit(ResponseClock.assess(onTime, now), Kind.ARRIVAL);
        assertThat(arrival.state()).isEqualTo(State.MET);
        assertThat(arrival.due()).isEqualTo(due);
        assertThat(arrival.metAt()).isEqualTo(due);
        assertThat(arrival.minutes()).isEqualTo(30);
        var late = entrapment(IncidentStatus.ARRIVED, after(1, 0), due.plusMillis(1), null);
        assertThat(state(late, now, Kind.ARRIVAL)).isEqualTo(State.BREACHED);
    }

    @Test
    void withoutArrivalTheLimitIsBreachedOnlyOnceTheDeadlineHasPassed() {
        var waiting = entrapment(IncidentStatus.ACCEPTED, after(1, 0), null, null);
        assertThat(state(waiting, after(30, 0), Kind.ARRIVAL)).isEqualTo(State.AT_RISK);
        assertThat(state(waiting, after(30, 0).plusMillis(1), Kind.ARRIVAL)).isEqualTo(State.BREACHED);
    }

    @Test
    void atRiskStartsExactlyAtTheEscalationShareAndNotASecondBefore() {
        // 67 % of 30 minutes is 20:06
        var waiting = entrapment(IncidentStatus.ACCEPTED, after(1, 0), null, null);
        assertThat(state(waiting, after(20, 5), Kind.ARRIVAL)).isEqualTo(State.RUNNING);
        assertThat(state(waiting, after(20, 6).minusMillis(1), Kind.ARRIVAL)).isEqualTo(State.RUNNING);
        assertThat(state(waiting, after(20, 6), Kind.ARRIVAL)).isEqualTo(State.AT_RISK);
        assertThat(ResponseClock.needsEscalation(waiting, after(20, 5))).isFalse();
        assertThat(ResponseClock.needsEscalation(waiting, after(20, 6))).isTrue();
        // 67 % of the 5-minute acceptance limit is 3:21
        var unaccepted = entrapment(IncidentStatus.DISPATCHED, null, null, null);
        assertThat(state(unaccepted, after(3, 20), Kind.ACCEPT)).isEqualTo(State.RUNNING);
        assertThat(state(unaccepted, after(3, 21), Kind.ACCEPT)).isEqualTo(State.AT_RISK);
        assertThat(ResponseClock.needsEscalation(unaccepted, after(3, 20))).isFalse();
        assertThat(ResponseClock.needsEscalation(unaccepted, after(3, 21))).isTrue();
    }

    @Test
    void anAcceptanceAfterFiveMinutesIsBreachedEvenThoughItCame() {
        var late = entrapment(IncidentStatus.ACCEPTED, after(5, 0).plusMillis(1), null, null);
        assertThat(state(late, after(6, 0), Kind.ACCEPT)).isEqualTo(State.BREACHED);
        var onTime = entrapment(IncidentStatus.ACCEPTED, after(5, 0), null, null);
        assertThat(state(onTime, after(6, 0), Kind.ACCEPT)).isEqualTo(State.MET);
        // a limit that was met late needs no escalation any more: only the one still running does
        assertThat(ResponseClock.needsEscalation(late, after(6, 0))).isFalse();
    }

    @Test
    void onlyAnEntrapmentHasAnArrivalLimit() {
        for (IncidentType type : IncidentType.values()) {
            var facts = new ResponseClock.Facts(type, IncidentStatus.ACCEPTED, T0, after(1, 0), null, null, URBAN);
            List<Kind> kinds = ResponseClock.assess(facts, after(45, 0)).stream().map(Limit::kind).toList();
            if (type == IncidentType.ENTRAPMENT) {
                assertThat(kinds).containsExactly(Kind.ACCEPT, Kind.ARRIVAL, Kind.RESTORE);
            }
            else {
                assertThat(kinds).as(type.name()).containsExactly(Kind.ACCEPT, Kind.RESTORE);
                // no arrival for 45 minutes is no breach and no reason to escalate
                assertThat(ResponseClock.needsEscalation(facts, after(45, 0))).isFalse();
            }
        }
    }

    @Test
    void aFalseAlarmHasNoLimits() {
        var falseAlarm = entrapment(IncidentStatus.FALSE_ALARM, null, null, null);
        assertThat(ResponseClock.assess(falseAlarm, after(600, 0))).isEmpty();
        assertThat(ResponseClock.needsEscalation(falseAlarm, after(600, 0))).isFalse();
    }

    @Test
    void theRestoreLimitAloneNeverEscalates() {
        var stopped = new ResponseClock.Facts(IncidentType.OUT_OF_SERVICE, IncidentStatus.ARRIVED, T0, after(1, 0),
                after(20, 0), null, new ResponseLimits(5, 30, 67, 60));
        assertThat(state(stopped, after(61, 0), Kind.RESTORE)).isEqualTo(State.BREACHED);
        assertThat(ResponseClock.needsEscalation(stopped, after(61, 0))).isFalse();
    }

    @Test
    void aRestoredOrClosedIncidentNeedsNoEscalation() {
        var restored = entrapment(IncidentStatus.RESTORED, null, null, after(10, 0));
        // acceptance and arrival were never recorded, yet nobody needs to step in any more
        assertThat(state(restored, after(40, 0), Kind.ARRIVAL)).isEqualTo(State.BREACHED);
        assertThat(ResponseClock.needsEscalation(restored, after(40, 0))).isFalse();
        var confirmed = entrapment(IncidentStatus.CONFIRMED, null, null, after(10, 0));
        assertThat(ResponseClock.needsEscalation(confirmed, after(40, 0))).isFalse();
        var released = entrapment(IncidentStatus.RELEASED, after(1, 0), null, null);
        assertThat(ResponseClock.needsEscalation(released, after(40, 0))).as("still open").isTrue();
    }

    @Test
    void defaultsAreThirtyMinutesInCitiesAndAnHourElsewhere() {
        DistrictId district = new DistrictId(9);
        ResponseRule urban = ResponseRule.defaults(district, true);
        ResponseRule rural = ResponseRule.defaults(district, false);
        assertThat(urban.arrivalMinutes()).isEqualTo(30);
        assertThat(rural.arrivalMinutes()).isEqualTo(60);
        assertThat(urban.acceptMinutes()).isEqualTo(5);
        assertThat(urban.escalatePercent()).isEqualTo(67);
        assertThat(urban.districtId()).isEqualTo(district);
        assertThat(urban.validated()).isSameAs(urban);
        assertThat(rural.validated()).isSameAs(rural);
    }

    @Test
    void theRestoreLimitDependsOnTheType() {
        ResponseRule rule = new ResponseRule(new DistrictId(9), 4, 25, 50, 100, 1000, 2000, 9000);
        assertThat(rule.limitsFor(IncidentType.ENTRAPMENT)).isEqualTo(new ResponseLimits(4, 25, 50, 100));
        assertThat(rule.limitsFor(IncidentType.OUT_OF_SERVICE)).isEqualTo(new ResponseLimits(4, 25, 50, 1000));
        assertThat(rule.limitsFor(IncidentType.SAFETY_HAZARD)).isEqualTo(new ResponseLimits(4, 25, 50, 2000));
        assertThat(rule.limitsFor(IncidentType.MINOR_DEFECT)).isEqualTo(new ResponseLimits(4, 25, 50, 9000));
    }

    static List<String> invalidFields(ResponseRule rule) {
        ValidationFailedException e = catchThrowableOfType(ValidationFailedException.class, rule::validated);
        return e == null ? List.of() : e.violations().stream().map(Violation::field).toList();
    }

    static ResponseRule rule(int accept, int arrival, int escalate, int entrapment, int outOfService, int hazard,
            int minor) {
        return new ResponseRule(new DistrictId(9), accept, arrival, escalate, entrapment, outOfService, hazard, minor);
    }

    @Test
    void aRuleIsRefusedOutsideItsRangesFieldByField() {
        assertThat(invalidFields(rule(1, 5, 10, 5, 10, 10, 10))).isEmpty();
        assertThat(invalidFields(rule(120, 240, 100, 100_000, 100_000, 100_000, 100_000))).isEmpty();
        assertThat(invalidFields(rule(0, 30, 67, 120, 1440, 2880, 10080))).containsExactly("acceptMinutes");
        assertThat(invalidFields(rule(121, 30, 67, 120, 1440, 2880, 10080))).containsExactly("acceptMinutes");
        assertThat(invalidFields(rule(5, 4, 67, 120, 1440, 2880, 10080))).containsExactly("arrivalMinutes");
        assertThat(invalidFields(rule(5, 241, 67, 300, 1440, 2880, 10080))).containsExactly("arrivalMinutes");
        assertThat(invalidFields(rule(5, 30, 9, 120, 1440, 2880, 10080))).containsExactly("escalatePercent");
        assertThat(invalidFields(rule(5, 30, 101, 120, 1440, 2880, 10080))).containsExactly("escalatePercent");
        // passengers cannot be restored to service before anybody arrives
        assertThat(invalidFields(rule(5, 30, 67, 29, 1440, 2880, 10080))).containsExactly("restoreEntrapmentMinutes");
        assertThat(invalidFields(rule(5, 30, 67, 30, 1440, 2880, 10080))).isEmpty();
        assertThat(invalidFields(rule(5, 30, 67, 120, 9, 9, 9)))
                .containsExactly("restoreOutOfServiceMinutes", "restoreHazardMinutes", "restoreMinorMinutes");
        assertThat(invalidFields(rule(0, 0, 0, -1, 0, 0, 100_001))).hasSize(7);
    }
}
