package cn.liftcare.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
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
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.liftcare.identity.CreditCode;

/**
 * The dashboards at city scale. Commands:
 * <ul>
 * <li>{@code parties URL}: in a database filled by {@link BenchDatabase} and {@link QualityData}, adds the parties
 * whose dashboards span the city and their users (password {@code liftcare}, the demo users' own bcrypt hash): a
 * city-level regulator (杭州市, region 330100: every district), a manager of the bench maintenance company with the
 * most elevators, and a property manager of the bench use unit with the most. Idempotent.</li>
 * <li>{@code await URL STARTED_EPOCH_MS LOG [TIMEOUT_S]}: waits until every organisation's dashboard has been
 * computed since the application started (the refresher rebuilds them all once it is ready), failing at once if the
 * log reports a dashboard not computed; then prints the rebuild's duration and each board's compute time by kind
 * and for the measured organisations.</li>
 * <li>{@code load BASE_URL URL REQUESTS CLIENTS}: signs in through the login form (CSRF token from the page) as each
 * measured user, then sends {@code GET /} (the home dashboard, the whole HTML page) from each of the
 * comma-separated numbers of concurrent clients, each user in turn chosen at random; half as many requests (at
 * least 1,000) warm up first and are not counted. Prints p50/p95/p99 per user and level and the summary line, whose
 * p95 is the worst user's at any level.</li>
 * <li>{@code fresh BASE_URL URL}: a resident reports a trapped passenger on one of the measured use unit's elevators
 * (the public page's report); prints when the use unit's home page showed the new open incident and when each
 * organisation that sees that elevator had its board recomputed; then the same for an elevator of the demo
 * district's 小河佳苑, which the district regulator sees as well.</li>
 * </ul>
 */
public final class DashboardLoad {

    /** username, expected dashboard kind. */
    static final String[][] USERS = {{"cityregulator", "regulator"}, {"regulator", "regulator"}, {"insurer", "insurer"},
            {"bench-company", "company"}, {"bench-useunit", "community"}};
    static final String CITY_REGULATOR = "杭州市市场监督管理局（基准）";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    static final Pattern TOTAL = Pattern.compile("id=\"kpi-total\"[^>]*>([^<]+)<");
    static final Pattern KIND = Pattern.compile("id=\"kpis\"[^>]*data-kind=\"([a-z]+)\"");
    static final Pattern OPEN = Pattern.compile("id=\"kpi-openIncidents\"[^>]*>([^<]+)<");

    private DashboardLoad() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "parties" -> parties(args[1]);
            case "await" -> await(args[1], Long.parseLong(args[2]), Path.of(args[3]),
                    args.length > 4 ? Long.parseLong(args[4]) : 3600);
            case "load" -> load(args[1], args[2], Integer.parseInt(args[3]),
                    Arrays.stream(args[4].split(",")).mapToInt(Integer::parseInt).toArray());
            case "fresh" -> fresh(args[1], args[2]);
            default -> throw new IllegalArgumentException("parties URL | await URL STARTED LOG [TIMEOUT_S] | "
                    + "load BASE URL REQUESTS CLIENTS | fresh BASE URL");
        }
    }

    // ---- the parties ----------------------------------------------------------------------------------------------

    static void parties(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.setAutoCommit(false);
            String hash = text(c, "SELECT password_hash FROM app_user WHERE username = 'regulator'");
            Long city = id(c, "SELECT id FROM organization WHERE name = ?", CITY_REGULATOR);
            if (city == null) {
                String code = "11330100MB" + "0DA7HB1";
                code += CreditCode.checkCharacter(code);
                city = id(c, """
                        INSERT INTO organization (type, name, short_name, credit_code, region_code, phone, created_at, version)
                        VALUES ('REGULATOR', ?, '杭州市市场监管局', ?, '330100', '0571-12315', now(), 0) RETURNING id""",
                        CITY_REGULATOR, code);
            }
            long company = id(c, """
                    SELECT maintenance_company_id FROM elevator e JOIN organization o ON o.id = e.maintenance_company_id
                    WHERE o.name LIKE '杭州基准电梯工程%' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1""");
            long useUnit = id(c, """
                    SELECT use_unit_id FROM elevator e JOIN organization o ON o.id = e.use_unit_id
                    WHERE o.name LIKE '杭州基准%物业有限公司' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1""");
            user(c, city, "cityregulator", "城市监管（基准）", hash, "REGULATOR");
            user(c, company, "bench-company", "基准维保经理", hash, "MAINTENANCE_MANAGER");
            user(c, useUnit, "bench-useunit", "基准物业经理", hash, "PROPERTY_MANAGER", "SAFETY_MANAGER");
            c.commit();
            System.out.printf("parties: city regulator %d (region 330100), company %d (%d elevators), use unit %d (%d elevators)%n",
                    city, company, count(c, "SELECT count(*) FROM elevator WHERE maintenance_company_id = " + company),
                    useUnit, count(c, "SELECT count(*) FROM elevator WHERE use_unit_id = " + useUnit));
        }
    }

    private static void user(Connection c, long org, String username, String name, String hash, String... roles)
            throws SQLException {
        Long user = id(c, """
                INSERT INTO app_user (organization_id, username, display_name, password_hash, enabled, created_at, version)
                VALUES (?, ?, ?, ?, true, now(), 0)
                ON CONFLICT (username) DO UPDATE SET organization_id = excluded.organization_id RETURNING id""",
                org, username, name, hash);
        for (String role : roles) {
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO app_user_role (app_user, role) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                p.setLong(1, user);
                p.setString(2, role);
                p.executeUpdate();
            }
        }
    }

    // ---- waiting for the rebuild ------------------------------------------------------------------------------------

    static void await(String url, long startedMillis, Path log, long timeoutSeconds) throws Exception {
        Timestamp started = new Timestamp(startedMillis);
        long deadline = System.currentTimeMillis() + timeoutSeconds * 1000;
        long lastReport = 0;
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            long orgs = count(c, "SELECT count(*) FROM organization");
            while (true) {
                long done = count(c, "SELECT count(*) FROM dashboard_board WHERE computed_at >= ?", started);
                if (done >= orgs) {
                    break;
                }
                if (Files.exists(log) && Files.readString(log).contains("not computed")) {
                    throw new IllegalStateException("a dashboard was not computed, see " + log);
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("after " + timeoutSeconds + " s only " + done + " of " + orgs
                            + " dashboards were rebuilt");
                }
                if (System.currentTimeMillis() - lastReport > 30_000) {
                    System.out.printf("  %d of %d dashboards rebuilt%n", done, orgs);
                    lastReport = System.currentTimeMillis();
                }
                Thread.sleep(1000);
            }
            try (PreparedStatement p = c.prepareStatement("""
                    SELECT count(*), extract(epoch FROM max(computed_at) - min(computed_at - took_ms * interval '1 ms')),
                           sum(took_ms) / 1000.0
                    FROM dashboard_board WHERE computed_at >= ?""")) {
                p.setTimestamp(1, started);
                ResultSet rs = p.executeQuery();
                rs.next();
                System.out.printf("rebuild: %d dashboards in %.1f s (compute %.1f s)%n", rs.getLong(1), rs.getDouble(2),
                        rs.getDouble(3));
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                    SELECT org_type, count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY took_ms),
                           percentile_cont(0.95) WITHIN GROUP (ORDER BY took_ms), max(took_ms), sum(took_ms)
                    FROM dashboard_board GROUP BY 1 ORDER BY sum(took_ms) DESC""")) {
                while (rs.next()) {
                    System.out.printf("  compute %-20s n=%5d p50_ms=%.0f p95_ms=%.0f max_ms=%d total_s=%.1f%n",
                            rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4), rs.getLong(5),
                            rs.getLong(6) / 1000.0);
                }
            }
            for (String[] user : USERS) {
                try (PreparedStatement p = c.prepareStatement("""
                        SELECT b.took_ms, o.name, (SELECT count(*) FROM elevator) FROM app_user u
                        JOIN organization o ON o.id = u.organization_id JOIN dashboard_board b ON b.org_id = o.id
                        WHERE u.username = ?""")) {
                    p.setString(1, user[0]);
                    ResultSet rs = p.executeQuery();
                    if (!rs.next()) {
                        throw new IllegalStateException("no dashboard for " + user[0]);
                    }
                    System.out.printf("  compute %-14s %6d ms  (%s)%n", user[0], rs.getLong(1), rs.getString(2));
                }
            }
        }
        String logText = Files.readString(log);
        Matcher m = Pattern.compile("Dashboards refreshed: (\\d+) in (\\d+) ms").matcher(logText);
        if (m.find()) {
            System.out.printf("  the refresher's first pass: %s dashboards in %.1f s%n", m.group(1),
                    Long.parseLong(m.group(2)) / 1000.0);
        }
    }

    // ---- the load -------------------------------------------------------------------------------------------------

    static void load(String base, String url, int requests, int[] levels) throws Exception {
        Map<String, HttpClient> sessions = new LinkedHashMap<>();
        long elevators;
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            elevators = count(c, "SELECT count(*) FROM elevator");
        }
        for (String[] user : USERS) {
            HttpClient http = signIn(base, user[0]);
            String page = home(http, base, user[0]);
            Matcher kind = KIND.matcher(page);
            if (!kind.find() || !kind.group(1).equals(user[1])) {
                throw new IllegalStateException(user[0] + " does not get the " + user[1] + " dashboard");
            }
            Matcher total = TOTAL.matcher(page);
            System.out.printf("  %-14s sees %s elevators, page %d KB%n", user[0], total.find() ? total.group(1).trim() : "?",
                    page.getBytes(StandardCharsets.UTF_8).length / 1024);
            sessions.put(user[0], http);
        }
        run(base, sessions, Math.max(1000, requests / 2), 2, 7); // warm-up (the JIT), discarded
        double worst = 0;
        String worstAt = "";
        for (int clients : levels) {
            long started = System.nanoTime();
            Map<String, List<Long>> byUser = run(base, sessions, requests, clients, 42 + clients);
            double seconds = (System.nanoTime() - started) / 1e9;
            long n = 0;
            for (String[] user : USERS) {
                long[] mine = byUser.get(user[0]).stream().mapToLong(Long::longValue).sorted().toArray();
                n += mine.length;
                double p95 = RegistryListLoad.ms(mine, 95);
                System.out.printf("  clients=%d %-14s n=%5d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f%n", clients,
                        user[0], mine.length, RegistryListLoad.ms(mine, 50), p95, RegistryListLoad.ms(mine, 99),
                        mine[mine.length - 1] / 1e6);
                if (p95 > worst) {
                    worst = p95;
                    worstAt = user[0] + " at " + clients + " clients";
                }
            }
            System.out.printf("  clients=%d throughput=%.0f pages/s%n", clients, n / seconds);
        }
        System.out.printf("worst p95: %s%n", worstAt);
        System.out.printf("dashboards: elevators=%d p95_ms=%.1f%n", elevators, worst);
    }

    static Map<String, List<Long>> run(String base, Map<String, HttpClient> sessions, int requests, int clients,
            long seed) throws Exception {
        Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
        List<String> users = new ArrayList<>(sessions.keySet());
        users.forEach(u -> latencies.put(u, Collections.synchronizedList(new ArrayList<>())));
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            SplittableRandom random = new SplittableRandom(seed * 31 + c);
            int share = requests / clients;
            done.add(pool.submit(() -> {
                for (int i = 0; i < share; i++) {
                    String user = users.get(random.nextInt(users.size()));
                    long t0 = System.nanoTime();
                    home(sessions.get(user), base, user);
                    latencies.get(user).add(System.nanoTime() - t0);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return latencies;
    }

    /** A session of its own (cookie jar), signed in through the form with the page's CSRF token. */
    static HttpClient signIn(String base, String user) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(login);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=" + enc(user) + "&password=liftcare&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("error") || location.contains("locked")) {
            throw new IllegalStateException(user + " not signed in: " + signedIn.statusCode() + " " + location);
        }
        return http;
    }

    static String home(HttpClient http, String base, String user) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200 || !page.body().contains("id=\"kpis\"")) {
            throw new IllegalStateException("home page of " + user + ": " + page.statusCode());
        }
        return page.body();
    }

    // ---- freshness --------------------------------------------------------------------------------------------------

    static void fresh(String base, String url) throws Exception {
        String code;
        String gongshu;
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            code = text(c, FREE_ELEVATOR.formatted("e.use_unit_id = (SELECT organization_id FROM app_user "
                    + "WHERE username = 'bench-useunit')"));
            gongshu = text(c, FREE_ELEVATOR.formatted("e.community_id = (SELECT id FROM community WHERE name = '小河佳苑')"));
        }
        HttpClient http = signIn(base, "bench-useunit");
        long before = open(home(http, base, "bench-useunit"));
        Instant reported = Instant.now();
        long t0 = System.nanoTime();
        report(base, code);
        double pageSeconds = -1;
        while (System.nanoTime() - t0 < 600_000_000_000L) {
            if (open(home(http, base, "bench-useunit")) > before) {
                pageSeconds = (System.nanoTime() - t0) / 1e9;
                break;
            }
            Thread.sleep(50);
        }
        System.out.printf("fresh: a resident's report on %s (the measured use unit's) reached its home page in %.2f s%n",
                code, pageSeconds);
        audience(url, code, reported);
        // the same in the demo district's 小河佳苑 (the demo users property and owners), which the district regulator
        // sees as well
        reported = Instant.now();
        report(base, gongshu);
        System.out.printf("fresh: a resident's report on %s (小河佳苑, 拱墅区)%n", gongshu);
        audience(url, gongshu, reported);
    }

    /** An elevator in service without an open incident, of those the condition selects. */
    static final String FREE_ELEVATOR = """
            SELECT e.registration_code FROM elevator e
            WHERE %s AND e.status = 'IN_SERVICE'
              AND NOT EXISTS (SELECT 1 FROM incident i WHERE i.elevator_id = e.id
                              AND i.status NOT IN ('RESTORED', 'CONFIRMED', 'FALSE_ALARM'))
            ORDER BY e.id LIMIT 1""";

    static void report(String base, String code) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "/api/v1/public/elevators/" + code + "/reports"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"symptom\":\"TRAPPED\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("report: " + response.statusCode() + " " + response.body());
        }
    }

    /**
     * Waits until every organisation that sees the elevator (the registry's scope rules, as the refresher asks them)
     * has had its board recomputed since the report, and prints when each was stored.
     */
    static void audience(String url, String code, Instant reported) throws Exception {
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            List<String[]> audience = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("""
                    SELECT o.id, o.type, coalesce(o.short_name, o.name) FROM organization o, elevator e
                    JOIN district d ON d.id = e.district_id JOIN community c ON c.id = e.community_id
                    WHERE e.registration_code = ? AND (o.type = 'PLATFORM'
                       OR (o.type IN ('REGULATOR', 'INSURER', 'SUPERVISOR', 'INSPECTION_BODY')
                           AND d.code LIKE CASE WHEN o.region_code LIKE '%0000' THEN left(o.region_code, 2) || '%'
                                                WHEN o.region_code LIKE '%00' THEN left(o.region_code, 4) || '%'
                                                ELSE o.region_code END)
                       OR o.id = e.maintenance_company_id OR o.id = e.use_unit_id OR o.id = c.owners_committee_id)
                    ORDER BY o.id""")) {
                p.setString(1, code);
                ResultSet rs = p.executeQuery();
                while (rs.next()) {
                    audience.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            Timestamp at = Timestamp.from(reported);
            double last = 0;
            for (String[] org : audience) {
                while (true) {
                    try (PreparedStatement p = c.prepareStatement("""
                            SELECT took_ms, extract(epoch FROM computed_at - ?) FROM dashboard_board
                            WHERE org_id = ? AND computed_at >= ?""")) {
                        p.setTimestamp(1, at);
                        p.setLong(2, Long.parseLong(org[0]));
                        p.setTimestamp(3, at);
                        ResultSet rs = p.executeQuery();
                        if (rs.next()) {
                            last = Math.max(last, rs.getDouble(2));
                            System.out.printf("  %-20s %-24s computed in %6d ms, stored %6.2f s after the report%n",
                                    org[1], org[2], rs.getLong(1), rs.getDouble(2));
                            break;
                        }
                    }
                    if (System.nanoTime() - t0 > 600_000_000_000L) {
                        throw new IllegalStateException("the board of " + org[2] + " was not recomputed within 10 minutes");
                    }
                    Thread.sleep(200);
                }
            }
            System.out.printf("fresh: all %d boards that see it recomputed within %.2f s of the report%n",
                    audience.size(), last);
        }
    }

    private static long open(String page) {
        Matcher m = OPEN.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no open-incidents card");
        }
        return Long.parseLong(m.group(1).trim().replace(",", ""));
    }

    // ---- JDBC -----------------------------------------------------------------------------------------------------

    private static Long id(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static String text(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("nothing for " + sql);
            }
            return rs.getString(1);
        }
    }

    private static long count(Connection c, String sql, Object... args) throws SQLException {
        Long n = id(c, sql, args);
        return n == null ? 0 : n;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
