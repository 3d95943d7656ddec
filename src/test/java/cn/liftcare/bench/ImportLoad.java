package cn.liftcare.bench;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.liftcare.registry.SpreadsheetFixtures;

/**
 * Uploads an .xlsx of N new elevators to {@code POST /api/v1/elevators/import} as the regulator, and
 * reports how long the whole import took, from the upload to the answer (all rows checked, then written
 * in one transaction with their audit entries). Arguments: base URL, rows.
 */
public final class ImportLoad {

    private ImportLoad() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int rows = Integer.parseInt(args[1]);
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString("regulator:liftcare".getBytes(StandardCharsets.UTF_8));
        long stamp = System.currentTimeMillis() % 100_000;
        List<String[]> table = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            String[] row = SpreadsheetFixtures.row("31103301051980" + String.format("%06d", (stamp * 7 + i) % 1_000_000), null);
            row[13] = "导入基准苑" + stamp;
            row[14] = (i / 40 + 1) + "幢";
            row[15] = (i % 4 + 1) + "单元";
            row[16] = useUnitCreditCode(http, base, auth);
            table.add(row);
        }
        byte[] workbook = SpreadsheetFixtures.workbook(SpreadsheetFixtures.HEADERS, table);
        String boundary = "liftcare" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.xlsx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(workbook);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/elevators/import"))
                .header("Authorization", auth).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - started) / 1e9;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + ": " + response.body());
        }
        System.out.printf("registry-import: rows=%d seconds=%.1f (%s)%n", rows, seconds, response.body());
    }

    private static String cached;

    private static String useUnitCreditCode(HttpClient http, String base, String auth) throws Exception {
        if (cached == null) {
            String json = http.send(HttpRequest.newBuilder(URI.create(base
                            + "/api/v1/organizations?type=USE_UNIT&q=%E5%A4%A7%E5%85%B3%E8%8B%91")).header("Authorization", auth).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("\"creditCode\":\"([0-9A-Z]{18})\"").matcher(json);
            if (!m.find()) {
                throw new IllegalStateException("no use unit found: " + json);
            }
            cached = m.group(1);
        }
        return cached;
    }
}
