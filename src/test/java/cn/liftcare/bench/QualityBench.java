package cn.liftcare.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.postgresql.PGConnection;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quality benchmark's two halves. {@code score BASE PERIOD RUNS} recomputes a period's scores through the API
 * as the regulator and prints how long each run took. {@code duckdb URL PERIOD DIR} exports the facts the indicators
 * read from PostgreSQL (CSV through the COPY protocol, timestamps as Asia/Shanghai civil times), turns them into
 * Parquet with DuckDB, computes every elevator's, community's and company's score for the period with DuckDB alone
 * (the same definitions and the standard LiftCare recorded for the period), and compares them with the scores
 * LiftCare stored: it fails unless every subject is on both sides with the same veto, a score within 0.01 and the
 * same grade (away from a grade's threshold).
 */
public final class QualityBench {

    private QualityBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "score" -> score(args[1], args[2], Integer.parseInt(args[3]));
            case "duckdb" -> duckdb(args[1], args[2], Path.of(args[3]));
            default -> throw new IllegalArgumentException("score BASE PERIOD RUNS | duckdb URL PERIOD DIR");
        }
    }

    static void score(String base, String period, int runs) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String token = RegistryListLoad.token(http, base, "regulator");
        for (int run = 1; run <= runs; run++) {
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(base + "/api/v1/quality/periods/" + period + "/scores"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(30))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - started) / 1e9;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("recompute answered " + response.statusCode() + ": " + response.body());
            }
            System.out.printf(Locale.ROOT, "run %d: %s liftcare_seconds=%.1f%n", run, response.body(), seconds);
        }
    }

    /** One table to export: the PostgreSQL query and the DuckDB column types of its CSV. */
    private record Export(String name, String query, String columns) {
    }

    private static final List<Export> EXPORTS = List.of(
            new Export("assignment", "SELECT elevator_id, company_id, from_day, to_day FROM quality_assignment",
                    "{'elevator_id': 'BIGINT', 'company_id': 'BIGINT', 'from_day': 'DATE', 'to_day': 'DATE'}"),
            new Export("elevator", "SELECT elevator_id, community_id, district_id FROM quality_elevator",
                    "{'elevator_id': 'BIGINT', 'community_id': 'BIGINT', 'district_id': 'BIGINT'}"),
            new Export("plan", """
                    SELECT elevator_id, maintenance_company_id, elevator_status, starts_on, max_interval_days
                    FROM maintenance_plan""",
                    "{'elevator_id': 'BIGINT', 'maintenance_company_id': 'BIGINT', 'elevator_status': 'VARCHAR', "
                            + "'starts_on': 'DATE', 'max_interval_days': 'INTEGER'}"),
            new Export("visit", """
                    SELECT id, elevator_id, company_id, maintainer_id, status, (correction_of IS NOT NULL)::int AS correction,
                           finished_at AT TIME ZONE 'Asia/Shanghai' AS finished_at FROM maintenance_visit""",
                    "{'id': 'BIGINT', 'elevator_id': 'BIGINT', 'company_id': 'BIGINT', 'maintainer_id': 'BIGINT', "
                            + "'status': 'VARCHAR', 'correction': 'INTEGER', 'finished_at': 'TIMESTAMP'}"),
            new Export("visit_flag", "SELECT visit_id, flag FROM visit_flag",
                    "{'visit_id': 'BIGINT', 'flag': 'VARCHAR'}"),
            new Export("certificate", "SELECT user_id, expires_on FROM maintainer_certificate",
                    "{'user_id': 'BIGINT', 'expires_on': 'DATE'}"),
            new Export("inspection", "SELECT elevator_id, inspected_on, result FROM inspection",
                    "{'elevator_id': 'BIGINT', 'inspected_on': 'DATE', 'result': 'VARCHAR'}"),
            new Export("incident", """
                    SELECT id, elevator_id, maintenance_company_id, type, status,
                           reported_at AT TIME ZONE 'Asia/Shanghai' AS reported_at,
                           arrived_at AT TIME ZONE 'Asia/Shanghai' AS arrived_at, arrival_minutes FROM incident""",
                    "{'id': 'BIGINT', 'elevator_id': 'BIGINT', 'maintenance_company_id': 'BIGINT', 'type': 'VARCHAR', "
                            + "'status': 'VARCHAR', 'reported_at': 'TIMESTAMP', 'arrived_at': 'TIMESTAMP', "
                            + "'arrival_minutes': 'INTEGER'}"),
            new Export("report", """
                    SELECT incident_id, elevator_id, channel, reported_at AT TIME ZONE 'Asia/Shanghai' AS reported_at
                    FROM incident_report""",
                    "{'incident_id': 'BIGINT', 'elevator_id': 'BIGINT', 'channel': 'VARCHAR', 'reported_at': 'TIMESTAMP'}"),
            new Export("spot_check", """
                    SELECT elevator_id, company_id, checked_on, score, record_matches::int AS record_matches
                    FROM quality_spot_check""",
                    "{'elevator_id': 'BIGINT', 'company_id': 'BIGINT', 'checked_on': 'DATE', 'score': 'DECIMAL(5,2)', "
                            + "'record_matches': 'INTEGER'}"),
            new Export("vote", """
                    SELECT elevator_id, company_id, voted_at AT TIME ZONE 'Asia/Shanghai' AS voted_at, cleanliness, running,
                           response FROM quality_vote""",
                    "{'elevator_id': 'BIGINT', 'company_id': 'BIGINT', 'voted_at': 'TIMESTAMP', 'cleanliness': 'INTEGER', "
                            + "'running': 'INTEGER', 'response': 'INTEGER'}"),
            new Export("veto", "SELECT company_id, elevator_id, kind, occurred_on FROM quality_veto",
                    "{'company_id': 'BIGINT', 'elevator_id': 'BIGINT', 'kind': 'VARCHAR', 'occurred_on': 'DATE'}"));

    static void duckdb(String url, String periodCode, Path dir) throws Exception {
        Files.createDirectories(dir);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Map<String, String> files = new LinkedHashMap<>();
        String standardJson;
        try (Connection pg = DriverManager.getConnection(url, "postgres", "")) {
            long started = System.nanoTime();
            for (Export e : EXPORTS) {
                files.put(e.name(), copyOut(pg, e.query(), dir.resolve(e.name() + ".csv")));
            }
            files.put("score", copyOut(pg, "SELECT level, subject_id, company_id, score, grade, vetoed::int AS vetoed "
                    + "FROM quality_score WHERE period = '" + periodCode.replaceAll("[^0-9Q-]", "") + "'",
                    dir.resolve("score.csv")));
            standardJson = standard(pg, periodCode);
            System.out.printf(Locale.ROOT, "exported %d tables to CSV in %.1f s%n", files.size(),
                    (System.nanoTime() - started) / 1e9);
        }
        JsonNode standard = JsonMapper.builder().build().readTree(standardJson);
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); // in memory; the data are the Parquet files
                Statement s = duck.createStatement()) {
            s.execute("SET autoinstall_known_extensions = false");
            s.execute("SET autoload_known_extensions = false");
            long started = System.nanoTime();
            for (Export e : EXPORTS) {
                parquet(s, dir, e.name(), e.columns());
            }
            parquet(s, dir, "score", "{'level': 'VARCHAR', 'subject_id': 'BIGINT', 'company_id': 'BIGINT', "
                    + "'score': 'DOUBLE', 'grade': 'VARCHAR', 'vetoed': 'INTEGER'}");
            System.out.printf(Locale.ROOT, "converted to Parquet in %.1f s (%d MB)%n", (System.nanoTime() - started) / 1e9,
                    parquetBytes(dir) / 1_000_000);

            started = System.nanoTime();
            s.execute(scoresSql(dir, Period.of(periodCode, today), standard));
            double seconds = (System.nanoTime() - started) / 1e9;
            long elevators = single(s, "SELECT count(*) FROM duck_score WHERE level = 'ELEVATOR'");
            long communities = single(s, "SELECT count(*) FROM duck_score WHERE level = 'COMMUNITY'");
            long companies = single(s, "SELECT count(*) FROM duck_score WHERE level = 'COMPANY'");
            compare(s, dir, standard);
            System.out.printf(Locale.ROOT, "duckdb: elevators=%d communities=%d companies=%d duckdb_seconds=%.1f "
                    + "(agrees with LiftCare)%n", elevators, communities, companies, seconds);
        }
    }

    /** The period's days, the visit look-back and the overdue cut-off, as LiftCare's scoring takes them. */
    record Period(LocalDate from, LocalDate to, LocalDate cutoff) {

        static Period of(String code, LocalDate today) {
            LocalDate from;
            LocalDate to;
            if (code.contains("Q")) {
                from = LocalDate.of(Integer.parseInt(code.substring(0, 4)), (code.charAt(6) - '1') * 3 + 1, 1);
                to = from.plusMonths(3);
            } else {
                from = LocalDate.parse(code + "-01");
                to = from.plusMonths(1);
            }
            return new Period(from, to, to.isAfter(today) ? today.plusDays(1) : to);
        }
    }

    private static String standard(Connection pg, String period) throws SQLException, IOException {
        String version;
        try (PreparedStatement p = pg.prepareStatement("SELECT standard_version FROM quality_period WHERE period = ?")) {
            p.setString(1, period);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("LiftCare has not scored " + period);
                }
                version = rs.getString(1);
            }
        }
        try (PreparedStatement p = pg.prepareStatement("SELECT definition FROM quality_standard WHERE version = ?")) {
            p.setString(1, version);
            try (ResultSet rs = p.executeQuery()) {
                if (rs.next()) {
                    return rs.getString(1);
                }
            }
        }
        try (InputStream in = QualityBench.class.getResourceAsStream("/quality/standard-" + version + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no standard " + version);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The scores of every elevator, community and company for the period, computed by DuckDB from the Parquet files
     * alone, into {@code duck_score}: the facts per elevator and company as LiftCare gathers them, summed per level,
     * each indicator's figure and points under the standard, the weighted score over the applicable indicators.
     */
    static String scoresSql(Path dir, Period p, JsonNode standard) {
        List<String> vetoes = new ArrayList<>();
        standard.get("vetoes").forEach(v -> vetoes.add(v.asString()));
        String kinds = vetoes.isEmpty() ? "'-'" : String.join(", ", vetoes.stream().map(v -> "'" + v + "'").toList());
        String from = "DATE '" + p.from() + "'";
        String to = "DATE '" + p.to() + "'";
        String fromTs = "TIMESTAMP '" + p.from() + " 00:00:00'";
        String toTs = "TIMESTAMP '" + p.to() + " 00:00:00'";
        String lookbackTs = "TIMESTAMP '" + p.from().minusDays(120) + " 00:00:00'";
        String cutoff = "DATE '" + p.cutoff() + "'";
        String cutoffTs = "TIMESTAMP '" + p.cutoff() + " 00:00:00'";
        String lastDay = "DATE '" + p.cutoff().minusDays(1) + "'";
        StringBuilder figures = new StringBuilder();
        StringBuilder weighted = new StringBuilder("0");
        StringBuilder weights = new StringBuilder("0");
        for (JsonNode i : standard.get("indicators")) {
            String code = i.get("code").asString();
            double weight = i.get("weight").asDouble();
            double best = i.get("best").asDouble();
            double worst = i.get("worst").asDouble();
            String value = switch (code) {
                case "ON_TIME" -> "CASE WHEN visits + missed = 0 THEN NULL ELSE least(1.0, on_time / (visits + missed)::DOUBLE) END";
                case "RECORDS" -> "CASE WHEN visits = 0 THEN NULL ELSE 1.0 - flagged / visits::DOUBLE END";
                case "FAULTS" -> "CASE WHEN exposure <= 0 THEN NULL ELSE faults / (exposure / 365.0) END";
                case "ENTRAPMENTS" -> "CASE WHEN exposure <= 0 THEN NULL ELSE entrapments / (exposure / 365.0) END";
                case "RESCUE" -> "CASE WHEN entrapments = 0 THEN NULL ELSE least(1.0, within / entrapments::DOUBLE) END";
                case "INSPECTION" -> "CASE WHEN inspections = 0 THEN NULL ELSE least(1.0, first_pass / inspections::DOUBLE) END";
                case "COMPLAINTS" -> "CASE WHEN exposure <= 0 THEN NULL ELSE complaints / (exposure / 365.0) END";
                case "SATISFACTION" -> "CASE WHEN votes = 0 THEN NULL ELSE stars / votes END";
                case "SPOT_CHECK" -> "CASE WHEN spot_checks = 0 THEN NULL ELSE spot_points / spot_checks END";
                default -> throw new IllegalStateException("indicator " + code);
            };
            String v = "v_" + code.toLowerCase(Locale.ROOT);
            figures.append(", ").append(value).append(" AS ").append(v);
            String points = best == worst ? "CASE WHEN " + v + " = " + best + " THEN 100.0 ELSE 0.0 END"
                    : "100.0 * greatest(0.0, least(1.0, (" + v + " - (" + worst + ")) / (" + (best - worst) + ")))";
            points = "CASE WHEN " + v + " IS NULL THEN NULL ELSE " + points + " END"; // least() and greatest() skip NULLs
            if (weight > 0) {
                weighted.append(" + coalesce(").append(points).append(" * ").append(weight).append(", 0)");
                weights.append(" + CASE WHEN ").append(v).append(" IS NULL THEN 0 ELSE ").append(weight).append(" END");
            }
        }
        StringBuilder grade = new StringBuilder("CASE WHEN vetoes > 0 THEN 'D'");
        for (JsonNode g : standard.get("grades")) {
            grade.append(" WHEN score >= ").append(g.get("minScore").asDouble()).append(" THEN '")
                    .append(g.get("grade").asString()).append("'");
        }
        grade.append(" ELSE 'D' END");
        boolean uncertified = vetoes.contains("UNCERTIFIED_STAFF");
        boolean forged = vetoes.contains("FORGED_RECORDS");
        String sums = """
                sum(exposure)::BIGINT AS exposure, sum(visits) AS visits, sum(on_time) AS on_time, sum(missed) AS missed,
                sum(flagged) AS flagged, sum(faults) AS faults, sum(entrapments) AS entrapments, sum(within) AS within,
                sum(inspections) AS inspections, sum(first_pass) AS first_pass, sum(complaints) AS complaints,
                sum(votes) AS votes, sum(stars) AS stars, sum(spot_checks) AS spot_checks, sum(spot_points) AS spot_points,
                sum(vetoes) AS vetoes""";
        return ("""
                CREATE OR REPLACE TABLE duck_score AS
                WITH
                visits AS (
                    SELECT mv.elevator_id, mv.company_id, CAST(mv.finished_at AS DATE) AS day, pl.max_interval_days,
                           lag(CAST(mv.finished_at AS DATE)) OVER (PARTITION BY mv.elevator_id ORDER BY mv.finished_at) AS previous,
                           mv.id IN (SELECT visit_id FROM '{dir}/visit_flag.parquet') AS flagged,
                           NOT EXISTS (SELECT 1 FROM '{dir}/certificate.parquet' c WHERE c.user_id = mv.maintainer_id
                                       AND c.expires_on >= CAST(mv.finished_at AS DATE)) AS uncertified
                    FROM '{dir}/visit.parquet' mv JOIN '{dir}/plan.parquet' pl ON pl.elevator_id = mv.elevator_id
                    WHERE mv.status IN ('SUBMITTED', 'CONFIRMED') AND mv.correction = 0
                      AND mv.finished_at >= {lookbackTs} AND mv.finished_at < {toTs}),
                latest AS (
                    SELECT elevator_id, arg_max(company_id, from_day) AS company_id FROM '{dir}/assignment.parquet'
                    WHERE from_day < {to} AND coalesce(to_day, {to}) > {from} GROUP BY elevator_id),
                last_visit AS (
                    SELECT elevator_id, max(CAST(finished_at AS DATE)) AS last FROM '{dir}/visit.parquet'
                    WHERE status IN ('SUBMITTED', 'CONFIRMED') AND finished_at < {cutoffTs} GROUP BY elevator_id),
                parts AS (
                    SELECT elevator_id, company_id, sum(least(coalesce(to_day, {to}), {to}) - greatest(from_day, {from})) AS exposure,
                           0 AS visits, 0 AS on_time, 0 AS missed, 0 AS flagged, 0 AS faults, 0 AS entrapments, 0 AS within,
                           0 AS inspections, 0 AS first_pass, 0 AS complaints, 0 AS votes, 0.0 AS stars, 0 AS spot_checks,
                           0.0 AS spot_points, 0 AS vetoes
                    FROM '{dir}/assignment.parquet' WHERE from_day < {to} AND coalesce(to_day, {to}) > {from}
                    GROUP BY elevator_id, company_id
                    UNION ALL
                    SELECT elevator_id, company_id, 0, count(*),
                           count(*) FILTER (WHERE previous IS NULL OR day - previous <= max_interval_days), 0,
                           count(*) FILTER (WHERE flagged), 0, 0, 0, 0, 0, 0, 0, 0.0, 0, 0.0,
                           {uncertifiedVetoes}
                    FROM visits WHERE day >= {from} AND day < {to} GROUP BY elevator_id, company_id
                    UNION ALL
                    SELECT pl.elevator_id, pl.maintenance_company_id, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0.0, 0, 0.0, 0
                    FROM '{dir}/plan.parquet' pl LEFT JOIN last_visit lv ON lv.elevator_id = pl.elevator_id
                    WHERE pl.elevator_status = 'IN_SERVICE' AND pl.maintenance_company_id IS NOT NULL AND pl.starts_on < {cutoff}
                      AND coalesce(lv.last, pl.starts_on) + pl.max_interval_days < {lastDay}
                    UNION ALL
                    SELECT i.elevator_id, l.company_id, 0, 0, 0, 0, 0, 0, 0, 0, count(*),
                           count(*) FILTER (WHERE i.result = 'PASS'), 0, 0, 0.0, 0, 0.0, 0
                    FROM '{dir}/inspection.parquet' i JOIN latest l ON l.elevator_id = i.elevator_id
                    WHERE i.inspected_on >= {from} AND i.inspected_on < {to} GROUP BY i.elevator_id, l.company_id
                    UNION ALL
                    SELECT elevator_id, maintenance_company_id, 0, 0, 0, 0, 0, count(*),
                           count(*) FILTER (WHERE type = 'ENTRAPMENT'),
                           count(*) FILTER (WHERE type = 'ENTRAPMENT' AND arrived_at IS NOT NULL
                                            AND arrived_at <= reported_at + to_minutes(arrival_minutes)),
                           0, 0, 0, 0, 0.0, 0, 0.0, 0
                    FROM '{dir}/incident.parquet' WHERE reported_at >= {fromTs} AND reported_at < {toTs}
                      AND status <> 'FALSE_ALARM' AND maintenance_company_id IS NOT NULL
                    GROUP BY elevator_id, maintenance_company_id
                    UNION ALL
                    SELECT r.elevator_id, i.maintenance_company_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, count(*), 0, 0.0, 0, 0.0, 0
                    FROM '{dir}/report.parquet' r JOIN '{dir}/incident.parquet' i ON i.id = r.incident_id
                    WHERE r.channel = 'RESIDENT' AND r.reported_at >= {fromTs} AND r.reported_at < {toTs}
                      AND i.status <> 'FALSE_ALARM' AND i.maintenance_company_id IS NOT NULL
                    GROUP BY r.elevator_id, i.maintenance_company_id
                    UNION ALL
                    SELECT elevator_id, company_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0, count(*), sum(score)::DOUBLE,
                           {forgedVetoes}
                    FROM '{dir}/spot_check.parquet' WHERE checked_on >= {from} AND checked_on < {to}
                    GROUP BY elevator_id, company_id
                    UNION ALL
                    SELECT elevator_id, company_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, count(*),
                           round(sum((cleanliness + running + response) / 3.0), 2), 0, 0.0, 0
                    FROM '{dir}/vote.parquet' WHERE voted_at >= {fromTs} AND voted_at < {toTs} AND company_id IS NOT NULL
                    GROUP BY elevator_id, company_id
                    UNION ALL
                    SELECT elevator_id, company_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0, 0, 0.0, count(*)
                    FROM '{dir}/veto.parquet' WHERE elevator_id IS NOT NULL AND occurred_on >= {from} AND occurred_on < {to}
                      AND kind IN ({kinds})
                    GROUP BY elevator_id, company_id),
                facts AS (
                    SELECT p.elevator_id, p.company_id, e.community_id, {sums}
                    FROM parts p JOIN '{dir}/elevator.parquet' e ON e.elevator_id = p.elevator_id
                    GROUP BY p.elevator_id, p.company_id, e.community_id),
                company_vetoes AS (
                    SELECT company_id, count(*) AS n FROM '{dir}/veto.parquet' WHERE elevator_id IS NULL
                      AND occurred_on >= {from} AND occurred_on < {to} AND kind IN ({kinds}) GROUP BY company_id),
                levels AS (
                    SELECT 'ELEVATOR' AS level, elevator_id AS subject_id,
                           first(company_id ORDER BY exposure DESC, company_id) AS company_id, {sums}
                    FROM facts GROUP BY elevator_id
                    UNION ALL
                    SELECT 'COMMUNITY', community_id, NULL, {sums} FROM facts GROUP BY community_id
                    UNION ALL
                    SELECT 'COMPANY', f.company_id, NULL, {sums} FROM (
                        SELECT * FROM facts
                        UNION ALL
                        SELECT NULL, company_id, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0, 0, 0.0, n FROM company_vetoes
                        WHERE company_id IN (SELECT company_id FROM facts)) f
                    GROUP BY f.company_id),
                figures AS (SELECT *{figures} FROM levels),
                scored AS (
                    SELECT *, CASE WHEN ({weights}) = 0 THEN 0.0 ELSE round(({weighted}) / ({weights}), 2) END AS score
                    FROM figures)
                SELECT level, subject_id, company_id, score, {grade} AS grade, vetoes > 0 AS vetoed FROM scored""")
                .replace("{dir}", dir.toAbsolutePath().toString())
                .replace("{uncertifiedVetoes}", uncertified ? "count(*) FILTER (WHERE uncertified)" : "0")
                .replace("{forgedVetoes}", forged ? "count(*) FILTER (WHERE record_matches = 0)" : "0")
                .replace("{sums}", sums).replace("{figures}", figures).replace("{weighted}", weighted)
                .replace("{weights}", weights).replace("{grade}", grade).replace("{kinds}", kinds)
                .replace("{lookbackTs}", lookbackTs).replace("{fromTs}", fromTs).replace("{toTs}", toTs)
                .replace("{cutoffTs}", cutoffTs).replace("{cutoff}", cutoff).replace("{lastDay}", lastDay)
                .replace("{from}", from).replace("{to}", to);
    }

    /** Fails loudly unless DuckDB's scores and LiftCare's agree subject by subject. */
    private static void compare(Statement s, Path dir, JsonNode standard) throws SQLException {
        StringBuilder thresholds = new StringBuilder("false");
        for (JsonNode g : standard.get("grades")) {
            thresholds.append(" OR abs(d.score - ").append(g.get("minScore").asDouble()).append(") < 0.02");
        }
        String mismatches = """
                SELECT coalesce(d.level, l.level) AS level, coalesce(d.subject_id, l.subject_id) AS subject,
                       d.score AS duckdb_score, l.score AS liftcare_score, d.grade AS duckdb_grade, l.grade AS liftcare_grade,
                       d.vetoed AS duckdb_vetoed, l.vetoed AS liftcare_vetoed, d.company_id AS duckdb_company,
                       l.company_id AS liftcare_company
                FROM duck_score d FULL JOIN '{dir}/score.parquet' l ON l.level = d.level AND l.subject_id = d.subject_id
                WHERE d.level IS NULL OR l.level IS NULL OR abs(d.score - l.score) > 0.0101
                   OR d.vetoed <> (l.vetoed = 1) OR d.company_id IS DISTINCT FROM l.company_id
                   OR (d.grade <> l.grade AND NOT ({thresholds}))"""
                .replace("{dir}", dir.toAbsolutePath().toString()).replace("{thresholds}", thresholds);
        long bad = single(s, "SELECT count(*) FROM (" + mismatches + ")");
        long compared = single(s, "SELECT count(*) FROM duck_score");
        try (ResultSet rs = s.executeQuery("""
                SELECT level, count(*), round(avg(score), 2), count(*) FILTER (WHERE grade = 'A'),
                       count(*) FILTER (WHERE grade = 'D'), count(*) FILTER (WHERE vetoed)
                FROM duck_score GROUP BY level ORDER BY level""")) {
            while (rs.next()) {
                System.out.printf(Locale.ROOT, "  %s: %d scored, mean %.2f, %d graded A, %d graded D, %d vetoed%n",
                        rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getLong(4), rs.getLong(5), rs.getLong(6));
            }
        }
        if (bad > 0) {
            StringBuilder sample = new StringBuilder();
            try (ResultSet rs = s.executeQuery(mismatches + " ORDER BY 1, 2 LIMIT 20")) {
                while (rs.next()) {
                    sample.append(String.format(Locale.ROOT, "%n  %s %d: duckdb %s %s vetoed=%s company=%s, liftcare %s %s "
                                    + "vetoed=%s company=%s", rs.getString(1), rs.getLong(2), rs.getObject(3),
                            rs.getString(5), rs.getObject(7), rs.getObject(9), rs.getObject(4), rs.getString(6),
                            rs.getObject(8), rs.getObject(10)));
                }
            }
            throw new IllegalStateException("DuckDB and LiftCare disagree on " + bad + " of " + compared + " scores:" + sample);
        }
        System.out.printf(Locale.ROOT, "  all %d scores agree (score within 0.01, same grade and veto)%n", compared);
    }

    private static String copyOut(Connection pg, String query, Path file) throws SQLException, IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            pg.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + query + ") TO STDOUT WITH (FORMAT csv, HEADER)", out);
        }
        return file.toString();
    }

    private static void parquet(Statement s, Path dir, String name, String columns) throws SQLException {
        String csv = dir.resolve(name + ".csv").toAbsolutePath().toString();
        String parquet = dir.resolve(name + ".parquet").toAbsolutePath().toString();
        s.execute("COPY (SELECT * FROM read_csv('" + csv + "', header = true, columns = " + columns + ")) TO '" + parquet
                + "' (FORMAT parquet)");
    }

    private static long parquetBytes(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".parquet")).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
