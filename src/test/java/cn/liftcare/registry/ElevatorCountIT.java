package cn.liftcare.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import cn.liftcare.identity.Scope;
import cn.liftcare.identity.security.LiftCareUser;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.support.LiftCareTest;
import cn.liftcare.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list's total comes from the tally; it must equal counting the elevators themselves, for every
 * filter, every scope, and on the days where an age band cuts a year.
 */
@LiftCareTest
class ElevatorCountIT {

    @Autowired ElevatorQueries queries;
    @Autowired ElevatorConditions conditions;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired MutableClock clock;
    @Autowired LiftCareTime time;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    List<ElevatorFilter> filters() {
        List<ElevatorFilter> filters = new ArrayList<>();
        filters.add(ElevatorFilter.NONE);
        for (AgeBand band : AgeBand.values()) {
            filters.add(new ElevatorFilter(null, null, band, null, null, null, null, null));
            filters.add(new ElevatorFilter("小河佳苑", "三菱", band, null, null, null, null, null));
            filters.add(new ElevatorFilter(null, null, band, 15, null, ElevatorStatus.IN_SERVICE, null, null));
        }
        for (int minAge : new int[] {1, 10, 15, 19}) {
            filters.add(new ElevatorFilter(null, null, null, minAge, null, null, null, null));
        }
        filters.add(new ElevatorFilter(null, "奥的斯", null, null, null, ElevatorStatus.SUSPENDED, null, null));
        filters.add(new ElevatorFilter(null, null, null, null, null, null, ElevatorType.ESCALATOR, null));
        filters.add(new ElevatorFilter(null, null, null, null, null, null, null, "311033"));
        return filters;
    }

    long exact(Scope scope, ElevatorFilter filter) {
        var where = conditions.forElevators(scope, filter, time.today());
        return jdbc.sql("SELECT count(*) FROM elevator e WHERE " + where.sql()).params(where.params())
                .query(Long.class).single();
    }

    Scope scope(String user) {
        return ((LiftCareUser) users.loadUserByUsername(user)).scope();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026-01-01T00:00:00Z", "2025-12-31T15:59:59Z", "2028-02-29T04:00:00Z",
            "2027-03-01T00:00:00Z", "2026-09-16T01:00:00Z"})
    void totalsEqualCountingTheElevators(String instant) {
        if (!instant.isEmpty()) {
            clock.fix(Instant.parse(instant));
        }
        for (String user : List.of("regulator", "insurer", "maintainer", "property", "owners", "admin")) {
            Scope scope = scope(user);
            for (ElevatorFilter filter : filters()) {
                assertThat(queries.list(scope, filter, 0, 1).total()).as("%s %s on %s", user, filter, time.today())
                        .isEqualTo(exact(scope, filter));
            }
        }
    }

    @Test
    void theTallyFollowsEveryChange() {
        assertThat(jdbc.sql("""
                SELECT count(*) FROM (
                    SELECT district_id, community_id, use_unit_id, maintenance_company_id, brand, type, status,
                           extract(YEAR FROM commissioning_date)::int AS year, count(*) AS n
                    FROM elevator GROUP BY 1, 2, 3, 4, 5, 6, 7, 8) actual
                FULL JOIN (SELECT * FROM elevator_tally WHERE elevators > 0) tally
                  ON tally.district_id = actual.district_id AND tally.community_id = actual.community_id
                 AND tally.use_unit_id = actual.use_unit_id
                 AND tally.maintenance_company_id IS NOT DISTINCT FROM actual.maintenance_company_id
                 AND tally.brand = actual.brand AND tally.type = actual.type AND tally.status = actual.status
                 AND tally.commissioning_year = actual.year
                WHERE tally.elevators IS DISTINCT FROM actual.n""").query(Long.class).single()).isZero();
    }
}
