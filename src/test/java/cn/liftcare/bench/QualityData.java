package cn.liftcare.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills a benchmark database (already holding the demo district and {@link BenchDatabase}'s elevators) with a year
 * of the facts the quality indicators read, for every elevator that has none yet: maintenance plans and quality's
 * record of each elevator and its company (one in a hundred changed company mid-quarter), maintainers with their
 * certificates (a few expired), visits every fortnight with check-ins and the odd box-ticking flag, faults and
 * entrapments with rescue arrivals against the district's limit, residents' reports, periodic inspections,
 * residents' votes, spot checks and a veto. Companies are good, fair or poor (about 60/25/15 per cent), and the
 * poor ones are late, flagged, trapped and complained about more often.
 *
 * <p>Everything is set-based SQL inside PostgreSQL ({@code INSERT … SELECT generate_series}), with pseudo-random
 * figures from a hash of the row's key, so the same database always gets the same facts; the year ends on the day
 * given (Asia/Shanghai). Usage: {@code QualityData URL [yyyy-MM-dd]}.
 */
public final class QualityData {

    private QualityData() {
    }

    public static void main(String[] args) throws Exception {
        LocalDate today = args.length > 1 ? LocalDate.parse(args[1]) : LocalDate.now(ZoneId.of("Asia/Shanghai"));
        try (Connection c = DriverManager.getConnection(args[0], "postgres", "")) {
            fill(c, today);
        }
    }

    static void fill(Connection c, LocalDate today) throws SQLException {
        long started = System.nanoTime();
        LocalDate yearStart = today.minusDays(365);
        LocalDate switchDay = today.minusDays(45);
        try (Statement s = c.createStatement()) {
            s.execute("SET synchronous_commit = off");
            s.execute("SET maintenance_work_mem = '256MB'");
            s.execute("SET work_mem = '64MB'");
            // a uniform figure in [0, 1) from a key and a stream number: the generator's only source of chance
            s.execute("""
                    CREATE OR REPLACE FUNCTION pg_temp.rnd(k bigint, stream int) RETURNS double precision
                    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
                    $$ SELECT ((hashint8extended(k, stream) & 2147483647)::double precision / 2147483648.0) $$""");
        }
        c.setAutoCommit(false);
        String y = "DATE '" + yearStart + "'";
        String t = "DATE '" + today + "'";
        String sw = "DATE '" + switchDay + "'";
        step(c, "companies", """
                CREATE TEMP TABLE bc AS
                SELECT company_id, row_number() OVER (ORDER BY company_id) AS rn,
                       CASE WHEN pg_temp.rnd(company_id, 1) < 0.15 THEN 2 WHEN pg_temp.rnd(company_id, 1) < 0.40 THEN 1
                            ELSE 0 END AS tier
                FROM (SELECT DISTINCT maintenance_company_id AS company_id FROM elevator e
                      WHERE maintenance_company_id IS NOT NULL
                        AND NOT EXISTS (SELECT 1 FROM maintenance_plan p WHERE p.elevator_id = e.id)) x""");
        step(c, "elevators", """
                CREATE TEMP TABLE be AS
                SELECT e.id AS elevator_id, e.maintenance_company_id AS c0, e.community_id, e.district_id, e.use_unit_id,
                       CASE WHEN pg_temp.rnd(e.id, 2) < 0.01 THEN n.company_id END AS c1, b.tier,
                       pg_temp.rnd(e.id, 3) AS r, coalesce(rr.arrival_minutes, 30) AS arrival_minutes,
                       e.registration_code
                FROM elevator e JOIN bc b ON b.company_id = e.maintenance_company_id
                JOIN bc n ON n.rn = b.rn % (SELECT count(*) FROM bc) + 1
                LEFT JOIN response_rule rr ON rr.district_id = e.district_id
                WHERE NOT EXISTS (SELECT 1 FROM maintenance_plan p WHERE p.elevator_id = e.id);
                CREATE UNIQUE INDEX ON be (elevator_id);
                ANALYZE be""");
        // the switchers' new company, in the registry (its triggers keep the tallies) before the plans are written
        step(c, "company changes", "UPDATE elevator e SET maintenance_company_id = be.c1 FROM be "
                + "WHERE be.elevator_id = e.id AND be.c1 IS NOT NULL");
        try (Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica"); // consistent by construction: no per-row FK checks
        }
        step(c, "plans", """
                INSERT INTO maintenance_plan (elevator_id, registration_code, district_id, community_id, use_unit_id,
                    maintenance_company_id, elevator_type, commissioning_date, elevator_status, next_inspection_due, mode,
                    max_interval_days, starts_on, version)
                SELECT e.id, e.registration_code, e.district_id, e.community_id, e.use_unit_id, e.maintenance_company_id,
                       e.type, e.commissioning_date, e.status, e.next_inspection_due, 'STANDARD', 15,
                       least(e.commissioning_date, %1$s - 30), 0
                FROM elevator e JOIN be ON be.elevator_id = e.id;
                INSERT INTO quality_elevator (elevator_id, registration_code, district_id, community_id, use_unit_id,
                    maintenance_company_id, commissioning_date, in_service)
                SELECT e.id, e.registration_code, e.district_id, e.community_id, e.use_unit_id, e.maintenance_company_id,
                       e.commissioning_date, e.status = 'IN_SERVICE'
                FROM elevator e JOIN be ON be.elevator_id = e.id
                ON CONFLICT (elevator_id) DO NOTHING;
                DELETE FROM quality_assignment a USING be WHERE a.elevator_id = be.elevator_id;
                INSERT INTO quality_assignment (elevator_id, company_id, from_day, to_day)
                SELECT be.elevator_id, be.c0, e.commissioning_date, CASE WHEN be.c1 IS NOT NULL THEN %2$s END
                FROM be JOIN elevator e ON e.id = be.elevator_id
                UNION ALL
                SELECT be.elevator_id, be.c1, %2$s, NULL FROM be WHERE be.c1 IS NOT NULL""".formatted(y, sw));
        // three certified maintainers per company; in one poor company in five the third one's certificate lapsed
        step(c, "maintainers", """
                INSERT INTO app_user (organization_id, username, display_name, password_hash, enabled, created_at, version)
                SELECT bc.company_id, 'bench-' || bc.company_id || '-' || k, '维保工' || k, '{noop}disabled', false, now(), 0
                FROM bc CROSS JOIN generate_series(1, 3) k
                ON CONFLICT (username) DO NOTHING;
                CREATE TEMP TABLE bu AS
                SELECT bc.company_id, bc.tier, k, u.id AS user_id
                FROM bc CROSS JOIN generate_series(1, 3) k JOIN app_user u ON u.username = 'bench-' || bc.company_id || '-' || k;
                CREATE UNIQUE INDEX ON bu (company_id, k);
                INSERT INTO maintainer_certificate (user_id, company_id, certificate_no, expires_on, version)
                SELECT user_id, company_id, 'TSBENCH' || user_id,
                       CASE WHEN tier = 2 AND k = 3 AND pg_temp.rnd(company_id, 4) < 0.2 THEN %1$s - 20 ELSE DATE '2029-12-31' END, 0
                FROM bu ON CONFLICT (user_id) DO NOTHING""".formatted(sw));
        List<String[]> indexes = dropIndexes(c, "maintenance_visit", "visit_flag", "incident", "incident_report",
                "inspection", "quality_vote", "quality_spot_check");
        // a visit about every 14 days, later and more often skipped in poorer companies; a few poor elevators were
        // left without visits for their last month (overdue at the end); a few visits were box-ticked (8 minutes)
        step(c, "visits", """
                INSERT INTO maintenance_visit (elevator_id, company_id, community_id, maintainer_id, visit_class, planned_on,
                    status, due_items, check_in_at, check_in_valid, started_at, finished_at, submitted_at, confirmed_at,
                    confirmed_by_type, created_at, version)
                SELECT v.elevator_id, v.company_id, v.community_id, u.user_id,
                       CASE WHEN v.k %% 24 = 23 THEN 'YEAR' WHEN v.k %% 12 = 11 THEN 'HALF_YEAR'
                            WHEN v.k %% 6 = 5 THEN 'QUARTER' ELSE 'HALF_MONTH' END,
                       v.day, 'CONFIRMED', '', v.start_at, NOT v.flagged, v.start_at,
                       v.start_at + make_interval(mins => CASE WHEN v.flagged THEN 8 ELSE 35 + v.k %% 20 END),
                       v.start_at + make_interval(mins => CASE WHEN v.flagged THEN 9 ELSE 36 + v.k %% 20 END),
                       v.start_at + interval '1 day', 'USE_UNIT', v.start_at - interval '5 days', 2
                FROM (SELECT be.elevator_id, be.community_id, be.tier, g.k, g.day,
                             CASE WHEN be.c1 IS NOT NULL AND g.day >= %3$s THEN be.c1 ELSE be.c0 END AS company_id,
                             (g.day + time '08:30' + make_interval(mins => (pg_temp.rnd(be.elevator_id * 32 + g.k, 7) * 480)::int))
                                 AT TIME ZONE 'Asia/Shanghai' AS start_at,
                             pg_temp.rnd(be.elevator_id * 32 + g.k, 6) < (ARRAY[0.004, 0.02, 0.08])[be.tier + 1] AS flagged
                      FROM be CROSS JOIN LATERAL (
                          SELECT k, %1$s + (be.r * 14)::int + 14 * k
                                    + (pg_temp.rnd(be.elevator_id * 32 + k, 5) * (ARRAY[2, 4, 7])[be.tier + 1])::int AS day
                          FROM generate_series(0, 26) k) g
                      WHERE g.day < %2$s
                        AND pg_temp.rnd(be.elevator_id * 32 + g.k, 8) >= (ARRAY[0.0, 0.005, 0.04])[be.tier + 1]
                        AND NOT (be.tier = 2 AND be.r < 0.05 AND g.day >= %2$s - 30)) v
                JOIN bu u ON u.company_id = v.company_id AND u.k = 1 + (v.elevator_id + v.k) %% 3
                ORDER BY v.day, v.elevator_id""".formatted(y, t, sw)); // in the order they happened, as in life
        step(c, "visit flags", """
                INSERT INTO visit_flag (visit_id, flag, evidence, raised_at)
                SELECT mv.id, 'SHORT_VISIT', '8 min < 30 min (HALF_MONTH)', mv.submitted_at
                FROM maintenance_visit mv JOIN be ON be.elevator_id = mv.elevator_id
                WHERE mv.finished_at - mv.started_at < interval '10 minutes'""");
        // faults: up to 8 a year an elevator, about 0.8, 1.6 or 3.5 by tier; one in eight (one in five if poor) an
        // entrapment, reached within the district's limit unless late (3, 8, 25 per cent); 4 per cent false alarms
        step(c, "incidents", """
                INSERT INTO incident (elevator_id, registration_code, district_id, community_id, use_unit_id,
                    maintenance_company_id, rescue_company_id, type, status, channel, symptom, report_count, reported_at,
                    dispatched_at, accepted_at, arrived_at, released_at, restored_at, confirmed_at, closed_at,
                    accept_minutes, arrival_minutes, escalate_percent, restore_minutes, version)
                SELECT i.elevator_id, i.registration_code, i.district_id, i.community_id, i.use_unit_id, i.company_id,
                       i.company_id, i.type, CASE WHEN i.false_alarm THEN 'FALSE_ALARM' ELSE 'CONFIRMED' END, i.channel,
                       CASE i.type WHEN 'ENTRAPMENT' THEN 'TRAPPED' WHEN 'OUT_OF_SERVICE' THEN 'STOPPED'
                                   WHEN 'SAFETY_HAZARD' THEN 'DOOR_FAULT' ELSE 'NOISE' END,
                       1 + i.joined, i.reported_at, i.reported_at + interval '1 minute', i.reported_at + interval '3 minutes',
                       CASE WHEN i.type = 'ENTRAPMENT' AND i.arrival IS NOT NULL
                            THEN i.reported_at + make_interval(mins => i.arrival) END,
                       i.reported_at + interval '80 minutes', i.reported_at + interval '5 hours',
                       i.reported_at + interval '6 hours', i.reported_at + interval '6 hours',
                       5, i.arrival_minutes, 67, CASE WHEN i.type = 'ENTRAPMENT' THEN 120 ELSE 1440 END, 3
                FROM (SELECT be.elevator_id, be.registration_code, be.district_id, be.community_id, be.use_unit_id,
                             be.arrival_minutes, x.reported_at,
                             CASE WHEN be.c1 IS NOT NULL AND x.reported_at >= %3$s::timestamp AT TIME ZONE 'Asia/Shanghai'
                                  THEN be.c1 ELSE be.c0 END AS company_id,
                             CASE WHEN x.r1 < (ARRAY[0.12, 0.14, 0.20])[be.tier + 1] THEN 'ENTRAPMENT'
                                  WHEN x.r1 < 0.55 THEN 'OUT_OF_SERVICE' WHEN x.r1 < 0.75 THEN 'SAFETY_HAZARD'
                                  ELSE 'MINOR_DEFECT' END AS type,
                             x.r2 < 0.04 AS false_alarm,
                             CASE WHEN x.r3 < 0.35 THEN 'RESIDENT' WHEN x.r3 < 0.55 THEN 'USE_UNIT'
                                  WHEN x.r3 < 0.80 THEN 'CALL_CENTRE' ELSE 'ALARM' END AS channel,
                             CASE WHEN x.r4 < 0.005 THEN NULL
                                  WHEN x.r4 < 0.005 + (ARRAY[0.03, 0.08, 0.25])[be.tier + 1]
                                      THEN be.arrival_minutes + 1 + (x.r5 * 40)::int
                                  ELSE 6 + (x.r5 * (be.arrival_minutes - 7))::int END AS arrival,
                             CASE WHEN x.r3 < 0.35 AND x.r2 > 0.85 THEN 1 ELSE 0 END AS joined
                      FROM be CROSS JOIN LATERAL (
                          SELECT (%1$s + make_interval(secs => pg_temp.rnd(be.elevator_id * 8 + s, 10) * 365 * 86400))::timestamp
                                     AT TIME ZONE 'Asia/Shanghai' AS reported_at,
                                 pg_temp.rnd(be.elevator_id * 8 + s, 11) AS r1, pg_temp.rnd(be.elevator_id * 8 + s, 12) AS r2,
                                 pg_temp.rnd(be.elevator_id * 8 + s, 13) AS r3, pg_temp.rnd(be.elevator_id * 8 + s, 14) AS r4,
                                 pg_temp.rnd(be.elevator_id * 8 + s, 15) AS r5
                          FROM generate_series(0, 7) s
                          WHERE pg_temp.rnd(be.elevator_id * 8 + s, 9) < (ARRAY[0.10, 0.20, 0.44])[be.tier + 1]) x
                      WHERE x.reported_at < %2$s::timestamp AT TIME ZONE 'Asia/Shanghai') i
                ORDER BY i.reported_at""".formatted(y, t, sw));
        // each incident's opening report in its channel; some residents' reports were joined by a neighbour's
        step(c, "reports", """
                INSERT INTO incident_report (incident_id, elevator_id, channel, symptom, client_hash, tracking_token, reported_at)
                SELECT i.id, i.elevator_id, i.channel, i.symptom,
                       CASE WHEN i.channel = 'RESIDENT' THEN md5('bench-client-' || i.id) END,
                       md5('bench-report-' || i.id), i.reported_at
                FROM incident i JOIN be ON be.elevator_id = i.elevator_id
                UNION ALL
                SELECT i.id, i.elevator_id, 'RESIDENT', i.symptom, md5('bench-neighbour-' || i.id),
                       md5('bench-joined-' || i.id), i.reported_at + interval '4 minutes'
                FROM incident i JOIN be ON be.elevator_id = i.elevator_id WHERE i.report_count = 2""");
        // one periodic inspection a year, failed first time more often in poorer companies
        step(c, "inspections", """
                INSERT INTO inspection (elevator_id, kind, inspected_on, result, body_id, recorded_by, next_due, created_at,
                    version)
                SELECT be.elevator_id, 'PERIODIC', d.day,
                       CASE WHEN pg_temp.rnd(be.elevator_id, 20) >= (ARRAY[0.03, 0.08, 0.20])[be.tier + 1] THEN 'PASS'
                            WHEN pg_temp.rnd(be.elevator_id, 21) < 0.8 THEN 'PASS_AFTER_RECTIFICATION' ELSE 'FAIL' END,
                       (SELECT min(id) FROM organization WHERE type = 'INSPECTION_BODY'),
                       (SELECT min(id) FROM app_user), d.day + 365, d.day::timestamp AT TIME ZONE 'Asia/Shanghai', 0
                FROM be CROSS JOIN LATERAL (SELECT %1$s + (pg_temp.rnd(be.elevator_id, 19) * 364)::int AS day) d
                WHERE d.day < %2$s""".formatted(y, t));
        // residents' votes: about one elevator in sixteen a month gets one or two, fewer stars in poorer companies
        step(c, "votes", """
                INSERT INTO quality_vote (elevator_id, company_id, month, client_hash, cleanliness, running, response, voted_at)
                SELECT v.elevator_id, CASE WHEN v.c1 IS NOT NULL AND v.at >= %3$s::timestamp AT TIME ZONE 'Asia/Shanghai'
                                         THEN v.c1 ELSE v.c0 END,
                       to_char(v.at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), md5('bench-voter-' || v.key),
                       least(5, greatest(1, round(v.base + pg_temp.rnd(v.key, 31) * 2 - 1)))::smallint,
                       least(5, greatest(1, round(v.base + pg_temp.rnd(v.key, 32) * 2 - 1)))::smallint,
                       least(5, greatest(1, round(v.base + pg_temp.rnd(v.key, 33) * 2 - 1)))::smallint, v.at
                FROM (SELECT be.elevator_id, be.c0, be.c1, (be.elevator_id * 16 + m) * 2 + n AS key,
                             (ARRAY[4.3, 3.8, 3.0])[be.tier + 1] AS base,
                             (%1$s + make_interval(days => m * 30) + make_interval(secs =>
                                 pg_temp.rnd((be.elevator_id * 16 + m) * 2 + n, 30) * 30 * 86400))::timestamp
                                 AT TIME ZONE 'Asia/Shanghai' AS at
                      FROM be CROSS JOIN generate_series(0, 11) m CROSS JOIN generate_series(0, 1) n
                      WHERE pg_temp.rnd(be.elevator_id * 16 + m, 29) < 0.0625
                        AND (n = 0 OR pg_temp.rnd(be.elevator_id * 16 + m, 28) < 0.5)) v
                WHERE v.at < %2$s::timestamp AT TIME ZONE 'Asia/Shanghai'
                ON CONFLICT DO NOTHING""".formatted(y, t, sw));
        // the supervisor's spot checks: one elevator in fifty a quarter; poorer crews leave more items undone and,
        // rarely, a record does not match what is on site (forged records, a veto)
        step(c, "spot checks", """
                INSERT INTO quality_spot_check (elevator_id, company_id, district_id, community_id, checked_on, sampled_as,
                    items_checked, items_passed, score, record_matches, checked_by, checked_org, recorded_at)
                SELECT s.elevator_id, CASE WHEN s.c1 IS NOT NULL AND s.day >= %3$s THEN s.c1 ELSE s.c0 END,
                       s.district_id, s.community_id, s.day, 'RANDOM', 31, s.passed, round(100.0 * s.passed / 31, 2),
                       NOT (s.tier = 2 AND pg_temp.rnd(s.key, 42) < 0.01), sup.id, sup.organization_id,
                       s.day::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '15 hours'
                FROM (SELECT be.*, be.elevator_id * 8 + q AS key,
                             %1$s + q * 91 + (pg_temp.rnd(be.elevator_id * 8 + q, 40) * 90)::int AS day,
                             least(31, greatest(0, round(31 * ((ARRAY[0.96, 0.92, 0.82])[be.tier + 1]
                                 + (pg_temp.rnd(be.elevator_id * 8 + q, 41) - 0.5) * 0.12))))::int AS passed
                      FROM be CROSS JOIN generate_series(0, 4) q
                      WHERE pg_temp.rnd(be.elevator_id * 8 + q, 39) < 0.02) s
                CROSS JOIN (SELECT id, organization_id FROM app_user WHERE username = 'supervisor') sup
                WHERE s.day < %2$s""".formatted(y, t, sw));
        // a liability accident the regulator recorded against one poor company this quarter
        step(c, "vetoes", """
                INSERT INTO quality_veto (company_id, elevator_id, kind, occurred_on, evidence, recorded_by, recorded_at)
                SELECT be.c0, be.elevator_id, 'LIABILITY_ACCIDENT', %1$s - 10, '基准数据：责任事故 / bench: liability accident',
                       (SELECT id FROM app_user WHERE username = 'regulator'), now()
                FROM be WHERE be.tier = 2 AND be.c1 IS NULL ORDER BY be.elevator_id LIMIT 1""".formatted(t));
        try (Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = DEFAULT");
        }
        c.commit();
        c.setAutoCommit(true);
        recreate(c, indexes);
        try (Statement s = c.createStatement()) {
            long v = System.nanoTime();
            s.execute("VACUUM ANALYZE"); // what autovacuum does to tables this size within minutes
            System.out.printf("  vacuum analyze: %d s%n", (System.nanoTime() - v) / 1_000_000_000);
        }
        System.out.printf("quality facts: %d elevators, %d visits, %d incidents, %d inspections, %d votes, %d spot checks"
                        + " (generated in %d s)%n", count(c, "quality_elevator"), count(c, "maintenance_visit"),
                count(c, "incident"), count(c, "inspection"), count(c, "quality_vote"), count(c, "quality_spot_check"),
                (System.nanoTime() - started) / 1_000_000_000);
    }

    private static void step(Connection c, String name, String sql) throws SQLException {
        long started = System.nanoTime();
        long rows = 0;
        try (Statement s = c.createStatement()) {
            boolean result = s.execute(sql);
            while (true) {
                if (!result) {
                    int n = s.getUpdateCount();
                    if (n == -1) {
                        break;
                    }
                    rows += n;
                }
                result = s.getMoreResults();
            }
        }
        System.out.printf("  %s: %d rows, %d s%n", name, rows, (System.nanoTime() - started) / 1_000_000_000);
    }

    /** Drops the plain (not constraint) indexes of some tables for the bulk load; returns their definitions. */
    private static List<String[]> dropIndexes(Connection c, String... tables) throws SQLException {
        List<String[]> indexes = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("""
                SELECT i.indexname, i.indexdef FROM pg_indexes i
                WHERE i.schemaname = 'public' AND i.tablename = ANY (?)
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)""")) {
            p.setArray(1, c.createArrayOf("text", tables));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    indexes.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String[] index : indexes) {
                s.execute("DROP INDEX " + index[0]);
            }
        }
        return indexes;
    }

    private static void recreate(Connection c, List<String[]> indexes) throws SQLException {
        long started = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("SET maintenance_work_mem = '512MB'");
            for (String[] index : indexes) {
                s.execute(index[1]);
            }
        }
        System.out.printf("  %d indexes rebuilt: %d s%n", indexes.size(), (System.nanoTime() - started) / 1_000_000_000);
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
