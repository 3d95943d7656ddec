package cn.liftcare.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver for the incidents module: residents reporting from QR pages ({@code POST
 * /api/v1/public/elevators/{code}/reports}, each from its own address behind the proxy, so a report opens an
 * incident or joins the elevator's open one), then the boards ({@code GET /api/v1/incidents?open=true}) read
 * by the regulator and a maintenance company. Arguments: base URL, reports, board reads, concurrent clients.
 */
public final class IncidentLoad {

    private static final String[] SYMPTOMS = {"DOOR_FAULT", "DOOR_FAULT", "STOPPED", "NOISE", "OTHER", "TRAPPED"};

    private IncidentLoad() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int reports = Integer.parseInt(args[1]);
        int reads = Integer.parseInt(args[2]);
        int clients = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> codes = codes(http, base, RegistryListLoad.token(http, base, "regulator"));
        System.out.printf("elevators to report on: %d%n", codes.size());
        report(http, base, codes, Math.max(50, reports / 10), clients, 7);                  // warm-up, discarded
        long started = System.nanoTime();
        long[] reported = report(http, base, codes, reports, clients, 42);
        print("resident reports", reported, started);
        for (String user : new String[] {"regulator", "mcmanager"}) {
            String token = RegistryListLoad.token(http, base, user);
            read(http, base, token, Math.max(20, reads / 10), clients);                      // warm-up, discarded
            started = System.nanoTime();
            print("board " + user, read(http, base, token, reads, clients), started);
        }
    }

    static long[] report(HttpClient http, String base, List<String> codes, int n, int clients, long seed)
            throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String body = "{\"symptom\":\"" + SYMPTOMS[random.nextInt(SYMPTOMS.length)] + "\"}";
            requests.add(HttpRequest.newBuilder(URI.create(base + "/api/v1/public/elevators/"
                            + codes.get(random.nextInt(codes.size())) + "/reports"))
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", "10." + random.nextInt(256) + "." + random.nextInt(256) + "."
                            + (1 + random.nextInt(254)))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }
        return send(http, requests, clients, 201);
    }

    static long[] read(HttpClient http, String base, String token, int n, int clients) throws Exception {
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            requests.add(HttpRequest.newBuilder(URI.create(base + "/api/v1/incidents?open=true&size=50"))
                    .header("Authorization", "Bearer " + token).GET().build());
        }
        return send(http, requests, clients, 200);
    }

    private static long[] send(HttpClient http, List<HttpRequest> requests, int clients, int expected) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (HttpRequest request : requests) {
                futures.add(pool.submit(() -> {
                    long t = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    latencies.add(System.nanoTime() - t);
                    if (response.statusCode() != expected) {
                        throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                                + response.body());
                    }
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

    private static void print(String label, long[] sorted, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("  %-18s n=%5d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f throughput=%.0f req/s%n", label,
                sorted.length, RegistryListLoad.ms(sorted, 50), RegistryListLoad.ms(sorted, 95),
                RegistryListLoad.ms(sorted, 99), sorted.length / seconds);
    }

    private static List<String> codes(HttpClient http, String base, String token) throws Exception {
        List<String> codes = new ArrayList<>();
        Pattern code = Pattern.compile("\"registrationCode\":\"(\\d+)\"");
        for (int page = 0; page < 5; page++) {
            String body = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/elevators?size=200&page=" + page))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = code.matcher(body);
            while (m.find()) {
                codes.add(m.group(1));
            }
        }
        return codes;
    }
}
