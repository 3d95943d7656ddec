package cn.liftcare.demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.support.LiftCareTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo district's year of incidents looks like the 96333 figures, and some are open now. */
@LiftCareTest
class DemoIncidentsIT {

    /*
     * Other tests share this database: they import thousands of elevators and report incidents of their own, all
     * after the demo was seeded. So the figures are over the demo's elevators (registered by the system) and the
     * incidents reported up to the seed.
     */
    static final String DEMO_ELEVATORS = " (SELECT entity_id::bigint FROM audit_entry WHERE entity_type = 'elevator' "
            + "AND actor = 'system' AND action = 'CREATE') ";
    static final String SEEDED = " reported_at <= (SELECT seeded_at FROM demo_seed WHERE name = 'incidents-2025') ";
    /** Elevator-years of the past twelve months, each elevator from its commissioning. */
    static final String ELEVATOR_YEARS = "SELECT sum(least(1.0, (:today - commissioning_date) / 365.0)) FROM elevator "
            + "WHERE id IN" + DEMO_ELEVATORS;
    static final String LAST_YEAR = " reported_at >= :today::timestamptz - interval '365 days' AND status <> 'FALSE_ALARM' "
            + "AND" + SEEDED;

    @Autowired JdbcClient jdbc;
    @Autowired DemoIncidents incidents;
    @Autowired LiftCareTime time;

    double number(String sql) {
        return jdbc.sql(sql).param("today", time.today()).query(Double.class).single();
    }

    @Test
    void entrapmentsAndFaultsPerElevatorYearAreWithinTheReportedRanges() {
        double years = number(ELEVATOR_YEARS);
        double entrapments = number("SELECT count(*) FROM incident WHERE type = 'ENTRAPMENT' AND" + LAST_YEAR);
        double faults = number("SELECT count(*) FROM incident WHERE" + LAST_YEAR);
        assertThat(entrapments / years).as("entrapments per elevator-year").isBetween(0.04, 0.12);
        assertThat(faults / years).as("faults per elevator-year").isBetween(0.6, 1.2);
        assertThat(number("SELECT count(*) FROM incident WHERE status = 'FALSE_ALARM'") / (faults + 1))
                .as("false alarms").isBetween(0.01, 0.06);
    }

    @Test
    void olderElevatorsFailMoreAndDoorFaultsAreTheCommonestSymptom() {
        assertThat(jdbc.sql("SELECT symptom FROM incident GROUP BY symptom ORDER BY count(*) DESC LIMIT 1")
                .query(String.class).single()).isEqualTo("DOOR_FAULT");
        double old = jdbc.sql("SELECT (SELECT count(*) FROM incident i JOIN elevator e ON e.id = i.elevator_id "
                        + "WHERE e.commissioning_date < :cut)::float / (SELECT count(*) FROM elevator WHERE commissioning_date < :cut)")
                .param("cut", time.today().minusYears(15)).query(Double.class).single();
        double young = jdbc.sql("SELECT (SELECT count(*) FROM incident i JOIN elevator e ON e.id = i.elevator_id "
                        + "WHERE e.commissioning_date BETWEEN :from AND :cut)::float / "
                        + "(SELECT count(*) FROM elevator WHERE commissioning_date BETWEEN :from AND :cut)")
                .param("from", time.today().minusYears(8)).param("cut", time.today().minusYears(1))
                .query(Double.class).single();
        assertThat(old).as("faults per elevator, 15+ years old vs 1-8").isGreaterThan(young * 1.3);
        assertThat(jdbc.sql("SELECT count(DISTINCT channel) FROM incident").query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void rescuersArriveInAboutTenMinutesAFewTooLateTheSloppyCompanySlower() {
        double entrapments = number("SELECT count(*) FROM incident WHERE type = 'ENTRAPMENT' AND" + LAST_YEAR);
        double meanArrival = number("""
                SELECT avg(extract(epoch FROM arrived_at - reported_at) / 60) FROM incident
                WHERE type = 'ENTRAPMENT' AND arrived_at IS NOT NULL AND""" + LAST_YEAR);
        assertThat(meanArrival).as("mean entrapment arrival, minutes").isBetween(7.0, 14.0);
        double late = number("SELECT count(*) FROM incident_breach b JOIN incident i ON i.id = b.incident_id "
                + "WHERE b.kind = 'ARRIVAL' AND" + LAST_YEAR);
        assertThat(late).as("arrival breaches").isGreaterThanOrEqualTo(1);
        // the demo makes 2-3%; IncidentHistoryIT imports a few late rescues into the same past year
        assertThat(late / entrapments).as("arrival breaches per entrapment").isLessThan(0.08);
        String meanAccept = """
                SELECT avg(extract(epoch FROM accepted_at - reported_at) / 60) FROM incident i
                JOIN organization o ON o.id = i.maintenance_company_id WHERE o.short_name %s '北辰电梯' AND""" + LAST_YEAR;
        assertThat(number(meanAccept.formatted("="))).as("北辰电梯 accepts later")
                .isGreaterThan(number(meanAccept.formatted("<>")) + 0.5);
        assertThat(number("SELECT count(*) FROM incident WHERE status = 'CONFIRMED'") / number(
                "SELECT count(*) FROM incident WHERE status IN ('RESTORED', 'CONFIRMED')")).as("confirmed by the use unit")
                .isGreaterThan(0.8);
    }

    @Test
    void aboutFortyPercentWereRepairedWithCataloguePartsMostlyAtTheGuidePrice() {
        double repaired = number("""
                SELECT count(*) FROM repair_order r JOIN incident i ON i.id = r.incident_id
                WHERE r.status = 'COMPLETED' AND EXISTS (SELECT 1 FROM repair_order_part p WHERE p.repair_order_id = r.id)""");
        double closed = number("SELECT count(*) FROM incident WHERE status IN ('RESTORED', 'CONFIRMED')");
        assertThat(repaired / closed).as("share repaired with parts").isBetween(0.3, 0.5);
        double lines = number("SELECT count(*) FROM repair_order_part");
        assertThat(number("SELECT count(*) FROM repair_order_part WHERE unit_price <= guide_price") / lines)
                .as("at or below the guide price").isGreaterThan(0.9);
        assertThat(number("SELECT count(*) FROM repair_order_part WHERE unit_price > guide_price * 1.3") / lines)
                .as("well above the guide price").isBetween(0.01, 0.1);
        assertThat(number("""
                SELECT count(*) FROM repair_order r JOIN repair_order_part p ON p.repair_order_id = r.id AND p.line = 0
                JOIN part c ON c.id = p.part_id WHERE c.category = 'DOORS' AND r.fault_location <> 'DOORS'""")).isZero();
        assertThat(number("""
                SELECT count(*) FROM repair_order r JOIN repair_order_part p ON p.repair_order_id = r.id AND p.line = 0
                JOIN part c ON c.id = p.part_id WHERE c.category = 'DOORS'""") / repaired).isGreaterThan(0.3);
        assertThat(number("SELECT count(*) FROM audit_entry WHERE entity_type = 'repair_order'")).isGreaterThanOrEqualTo(repaired);
    }

    @Test
    void someIncidentsAreOpenNowOneAtRiskAndEscalated() {
        assertThat(number("SELECT count(*) FROM incident WHERE status IN ('DISPATCHED', 'ACCEPTED', 'ARRIVED', 'RELEASED') AND"
                + SEEDED))
                .isBetween(3.0, 8.0);
        assertThat(number("""
                SELECT count(*) FROM incident i JOIN organization o ON o.id = i.maintenance_company_id
                WHERE i.status = 'ACCEPTED' AND i.type = 'ENTRAPMENT' AND i.escalated_at IS NOT NULL
                  AND o.short_name = '北辰电梯'""")).isGreaterThanOrEqualTo(1);
        assertThat(number("SELECT count(*) FROM notification WHERE kind = 'ESCALATED'")).isGreaterThanOrEqualTo(1);
        assertThat(number("SELECT count(*) FROM notification WHERE kind = 'DISPATCHED'")).isGreaterThanOrEqualTo(3);
        assertThat(number("SELECT count(*) FROM repair_order WHERE status = 'OPEN' AND incident_id IS NOT NULL"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void everyTimelineRunsForwardAndEveryArrivalIsProvenOnce() {
        assertThat(number("""
                SELECT count(*) FROM (SELECT at < lag(at) OVER (PARTITION BY incident_id ORDER BY id) AS back
                FROM incident_step WHERE incident_id IN (SELECT id FROM incident WHERE""" + SEEDED + ")) s WHERE back")).isZero();
        assertThat(number("SELECT count(*) FROM incident WHERE arrived_at IS NOT NULL AND arrival_token_hash IS NULL"))
                .isZero();
        assertThat(number("""
                SELECT count(*) FROM incident i WHERE NOT EXISTS
                (SELECT 1 FROM incident_step s WHERE s.incident_id = i.id AND s.step = 'REPORTED' AND s.at = i.reported_at)""")).isZero();
    }

    @Test
    void seedingTwiceSeedsOnce() {
        double before = number("SELECT count(*) FROM incident");
        assertThat(incidents.seedOnce()).isFalse();
        assertThat(number("SELECT count(*) FROM incident")).isEqualTo(before);
    }
}
