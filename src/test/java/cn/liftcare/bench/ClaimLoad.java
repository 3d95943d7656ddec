package cn.liftcare.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver for claims: an insurer's adjuster files claims through {@code POST /api/v1/claims} (as it does
 * for a maintenance company that sends its papers in), each for a part repaired or replaced on an elevator the
 * insurer covered that day, linked to an incident whose maintainer checked in on site and whose repair was
 * photographed. Each request runs the whole path (scope, cover, rules, decision,
 * and for a straight-through claim the ledger posting and the audit entry) before it answers; the driver
 * counts the answers' statuses so the mix is visible. Prices are mostly near the guide price, some above the
 * tolerance (capped) and a few far above (referred). Arguments: base URL, JDBC URL of the same database,
 * claims per level (after as many again, at least 1,000, to warm up), concurrency levels (comma-separated).
 */
public final class ClaimLoad {

    private ClaimLoad() {
    }

    record Candidate(long incidentId, long elevatorId, LocalDate day) {
    }

    record PartRow(long id, BigDecimal guide, BigDecimal labour) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String url = args[1];
        int perLevel = Integer.parseInt(args[2]);
        int[] levels = java.util.Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String token = RegistryListLoad.token(http, base, "insurer");
        List<Candidate> candidates;
        List<PartRow> parts;
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            candidates = candidates(c, "insurer");
            parts = parts(c);
        }
        System.out.printf("incidents with verified arrival and photographed repairs: %d, parts: %d%n",
                candidates.size(), parts.size());
        // long enough for the JIT to have compiled the path: a fresh JVM spends seconds of CPU compiling it
        int warmUp = Math.max(1000, perLevel);
        List<String> bodies = bodies(candidates, parts, warmUp + perLevel * levels.length, new SplittableRandom(11));
        int next = 0;
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        send(http, base, token, bodies.subList(next, next += warmUp), 4, new ConcurrentHashMap<>()); // warm-up
        for (int clients : levels) {
            long started = System.nanoTime();
            long[] sorted = send(http, base, token, bodies.subList(next, next += perLevel), clients, outcomes);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("  clients=%d n=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f claims_per_s=%.0f%n", clients,
                    sorted.length, RegistryListLoad.ms(sorted, 50), RegistryListLoad.ms(sorted, 95),
                    RegistryListLoad.ms(sorted, 99), sorted.length / seconds);
        }
        System.out.println("  outcomes " + new java.util.TreeMap<>(Map.copyOf(outcomes.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get())))));
    }

    /** Demo incidents on elevators the user's insurer covered that day, checked in and photographed. */
    static List<Candidate> candidates(Connection c, String user) throws SQLException {
        List<Candidate> list = new ArrayList<>();
        try (java.sql.PreparedStatement s = c.prepareStatement("""
                SELECT i.id, i.elevator_id, (i.reported_at AT TIME ZONE 'Asia/Shanghai')::date
                FROM incident i JOIN repair_order r ON r.incident_id = i.id
                WHERE i.arrival_token_hash IS NOT NULL AND r.before_photo_id IS NOT NULL AND r.after_photo_id IS NOT NULL
                  AND i.reported_at < now()
                  AND EXISTS (SELECT 1 FROM policy_elevator pe JOIN policy p ON p.id = pe.policy_id
                              WHERE p.issued_on IS NOT NULL AND pe.elevator_id = i.elevator_id
                                AND p.insurer_id = (SELECT organization_id FROM app_user WHERE username = ?)
                                AND pe.cover_from <= (i.reported_at AT TIME ZONE 'Asia/Shanghai')::date
                                AND pe.cover_to > (i.reported_at AT TIME ZONE 'Asia/Shanghai')::date)
                ORDER BY i.id""")) {
            s.setString(1, user);
            ResultSet rs = s.executeQuery();
            while (rs.next()) {
                list.add(new Candidate(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class)));
            }
        }
        return list;
    }

    static List<PartRow> parts(Connection c) throws SQLException {
        List<PartRow> list = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id, guide_price, labour_hours FROM part WHERE category NOT IN ('CONSUMABLE', 'ESCALATOR') AND guide_price <= 5000 ORDER BY id")) {
            while (rs.next()) {
                list.add(new PartRow(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3)));
            }
        }
        return list;
    }

    /**
     * One part per claim, never the same part on the same elevator within a month of another, so the mix is
     * decided by prices and history rather than by the driver colliding with itself.
     */
    static List<String> bodies(List<Candidate> candidates, List<PartRow> parts, int n, SplittableRandom random) {
        String run = Long.toString(System.currentTimeMillis(), 36);
        Map<String, List<LocalDate>> taken = new java.util.HashMap<>();
        List<String> bodies = new ArrayList<>();
        int attempts = 0;
        while (bodies.size() < n) {
            if (++attempts > n * 50) {
                throw new IllegalStateException("not enough distinct incidents and parts for " + n + " claims");
            }
            Candidate c = candidates.get(random.nextInt(candidates.size()));
            PartRow p = parts.get(random.nextInt(parts.size()));
            List<LocalDate> days = taken.computeIfAbsent(c.elevatorId() + ":" + p.id(), k -> new ArrayList<>());
            if (days.stream().anyMatch(d -> Math.abs(d.toEpochDay() - c.day().toEpochDay()) <= 31)) {
                continue;
            }
            days.add(c.day());
            int roll = random.nextInt(100);
            double factor = roll < 90 ? 0.85 + random.nextDouble() * 0.24 : roll < 97 ? 1.2 + random.nextDouble() * 0.25
                    : 1.6 + random.nextDouble();
            BigDecimal price = p.guide().multiply(BigDecimal.valueOf(factor)).setScale(2, RoundingMode.HALF_UP);
            String action = random.nextInt(10) < 7 ? "REPAIR" : "REPLACE";
            bodies.add("{\"elevatorId\":" + c.elevatorId() + ",\"section\":\"PARTS\",\"lossDate\":\"" + c.day()
                    + "\",\"cause\":\"WEAR\",\"lines\":[{\"partId\":" + p.id() + ",\"action\":\"" + action
                    + "\",\"quantity\":1,\"unitPrice\":" + price.toPlainString() + "}],\"labourHours\":"
                    + p.labour().setScale(1, RoundingMode.HALF_UP).toPlainString() + ",\"incidentId\":" + c.incidentId()
                    + ",\"description\":\"bench\",\"idempotencyKey\":\"bench-" + run + "-" + bodies.size() + "\"}");
        }
        return bodies;
    }

    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");

    static long[] send(HttpClient http, String base, String token, List<String> bodies, int clients,
            Map<String, AtomicInteger> outcomes) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (String body : bodies) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/claims"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                futures.add(pool.submit(() -> {
                    long t = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    latencies.add(System.nanoTime() - t);
                    if (response.statusCode() != 201) {
                        throw new IllegalStateException("claim answered " + response.statusCode() + ": "
                                + response.body() + " for " + body);
                    }
                    Matcher m = STATUS.matcher(response.body());
                    outcomes.computeIfAbsent(m.find() ? m.group(1) : "?", k -> new AtomicInteger()).incrementAndGet();
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        finally {
            pool.shutdown();
        }
        return latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    }
}
