package cn.liftcare.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Builds elevator spreadsheets for tests, in the template's columns. */
public final class SpreadsheetFixtures {

    public static final String[] HEADERS = Arrays.stream(SheetColumn.values()).map(SheetColumn::header)
            .toArray(String[]::new);

    private SpreadsheetFixtures() {
    }

    /** A row that imports cleanly into 大关苑 (tests leave 小河佳苑 as the demo made it). */
    public static String[] row(String registrationCode, String emergencyCode) {
        return new String[] {registrationCode, emergencyCode, "曳引驱动电梯", "三菱", "ELENESSA", "2015-03-01",
                "2015-09-01", "18", "1000", "1.75", "住宅", "330105", "大关街道", "大关苑", "50幢", "1单元", "", "", "在用",
                "2026-03-01", "2027-03-01"};
    }

    public static byte[] oneValidRow(String registrationCode) {
        return workbook(HEADERS, List.<String[]>of(row(registrationCode, null)));
    }

    public static byte[] workbook(String[] headers, List<String[]> rows) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(1000); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("电梯");
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                String[] values = rows.get(r);
                for (int i = 0; i < values.length; i++) {
                    if (values[i] != null && !values[i].isEmpty()) {
                        row.createCell(i).setCellValue(values[i]);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The headers without the named ones, for the missing-column case. */
    public static String[] headersWithout(String... missing) {
        List<String> kept = new ArrayList<>(Arrays.asList(HEADERS));
        kept.removeAll(Arrays.asList(missing));
        return kept.toArray(String[]::new);
    }
}
