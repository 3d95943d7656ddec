package cn.liftcare.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver for {@code GET /api/v1/elevators}: signed in as four parties of different reach (a city-wide
 * insurer, a district regulator, a maintenance company, a use unit), it sends filtered, paged list
 * requests from a few concurrent clients and reports latency percentiles.
 * Arguments: base URL, expected elevator count, requests to measure, concurrent clients.
 */
public final class RegistryListLoad {

    static final String[] USERS = {"insurer", "regulator", "maintainer", "property"};
    static final String[] BRANDS = {"奥的斯", "三菱", "日立", "通力", "迅达", "蒂森克虏伯", "西子奥的斯", "康力", "东芝", "西奥"};
    static final String[] AGE_BANDS = {"0-5", "5-10", "10-15", "15-20", "20+"};
    static final String[] COMMUNITIES = {"小河佳苑", "湖墅嘉园", "基准小区17", "基准小区1234", "运河宸园", "基准小区560"};

    private RegistryListLoad() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long elevators = Long.parseLong(args[1]);
        int requests = Integer.parseInt(args[2]);
        int clients = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<String, String> tokens = new ConcurrentHashMap<>();
        for (String user : USERS) {
            tokens.put(user, token(http, base, user));
        }
        long total = total(http, base, tokens.get("insurer"));
        System.out.printf("insurer (city-wide) sees %d elevators%n", total);
        run(http, base, tokens, Math.max(200, requests / 10), clients, 7);           // warm-up, discarded
        long started = System.nanoTime();
        Map<String, List<Long>> byUser = run(http, base, tokens, requests, clients, 42);
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] all = byUser.values().stream().flatMap(List::stream).mapToLong(Long::longValue).sorted().toArray();
        for (String user : USERS) {
            long[] mine = byUser.get(user).stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("  %-10s n=%5d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f%n", user, mine.length, ms(mine, 50),
                    ms(mine, 95), ms(mine, 99));
        }
        System.out.printf("  all        n=%5d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f throughput=%.0f req/s%n",
                all.length, ms(all, 50), ms(all, 95), ms(all, 99), all[all.length - 1] / 1e6, all.length / seconds);
        System.out.printf("registry-list: elevators=%d p95_ms=%.1f%n", total, ms(all, 95));
    }

    static Map<String, List<Long>> run(HttpClient http, String base, Map<String, String> tokens, int requests,
            int clients, long seed) throws Exception {
        Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
        for (String user : USERS) {
            latencies.put(user, java.util.Collections.synchronizedList(new ArrayList<>()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            SplittableRandom random = new SplittableRandom(seed + c);
            int share = requests / clients;
            done.add(pool.submit(() -> {
                for (int i = 0; i < share; i++) {
                    String user = USERS[random.nextInt(USERS.length)];
                    String query = query(random);
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/elevators?" + query))
                            .header("Authorization", "Bearer " + tokens.get(user)).build(), HttpResponse.BodyHandlers.ofString());
                    long elapsed = System.nanoTime() - t0;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(response.statusCode() + " for " + query + ": " + response.body());
                    }
                    latencies.get(user).add(elapsed);
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

    /** A realistic mix: mostly one or two filters, sometimes none, and the first pages more often than deep ones. */
    static String query(SplittableRandom random) {
        List<String> parts = new ArrayList<>();
        int roll = random.nextInt(10);
        if (roll < 3) {
            parts.add("community=" + enc(COMMUNITIES[random.nextInt(COMMUNITIES.length)]));
        }
        if (roll >= 2 && roll < 6) {
            parts.add("brand=" + enc(BRANDS[random.nextInt(BRANDS.length)]));
        }
        if (roll >= 5 && roll < 8) {
            parts.add("ageBand=" + enc(AGE_BANDS[random.nextInt(AGE_BANDS.length)]));
        }
        if (roll == 8) {
            parts.add("status=IN_SERVICE");
        }
        parts.add("page=" + (random.nextInt(4) == 0 ? random.nextInt(50) : random.nextInt(3)));
        parts.add("size=20");
        return String.join("&", parts);
    }

    static String token(HttpClient http, String base, String user) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":liftcare").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/tokens"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\",\"validDays\":1}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no token for " + user + ": " + response.body());
        }
        return m.group(1);
    }

    static long total(HttpClient http, String base, String token) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/elevators?size=1"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"total\":(\\d+)").matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    static double ms(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

}
