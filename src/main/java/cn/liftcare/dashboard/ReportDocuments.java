package cn.liftcare.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import cn.liftcare.shared.pdf.PdfDocuments;

/**
 * A report as PDF and as Excel, both from the same {@link Board}, in Chinese (a document to file, whatever language
 * its reader's browser speaks). The PDF has the key figures, each chart drawn with its data table below it, and the
 * tables; the workbook has a sheet of key figures (the value as a number, and as the PDF writes it), a sheet per
 * chart and per table.
 */
@Component
class ReportDocuments {

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    static final String FIGURES_SHEET = "主要指标";

    private final BoardLabels labels;

    ReportDocuments(BoardLabels labels) {
        this.labels = labels;
    }

    String title(ReportKind kind, String period) {
        return labels.message("dashboard.report.kind." + kind.name(), ZH) + "（" + period + "）";
    }

    byte[] pdf(ReportKind kind, String period, Board board, Instant generatedAt) {
        PdfDocuments.Builder pdf = PdfDocuments.a4(generatedAt).title(title(kind, period));
        Map<String, String> head = new LinkedHashMap<>();
        head.put("对象", board.subject());
        head.put("统计区间", board.from() + " 至 " + board.to().minusDays(1));
        pdf.keyValues(head);
        pdf.heading(FIGURES_SHEET);
        List<List<?>> rows = new ArrayList<>();
        for (Board.Kpi k : board.kpis()) {
            rows.add(List.of(labels.kpi(k, ZH), Figures.format(k.value(), k.unit())));
        }
        pdf.table(List.of(PdfDocuments.Column.text("指标", 3), PdfDocuments.Column.amount("数值", 2)), rows);
        for (Board.Chart chart : board.charts()) {
            pdf.heading(labels.chartTitle(chart, ZH));
            List<String> categories = labels.categories(chart, ZH);
            List<String> names = chart.series().stream().map(s -> labels.message(s.key(), ZH)).toList();
            pdf.barChart(categories, names, chart.series().stream().map(Board.Series::values).toList());
            List<PdfDocuments.Column> columns = new ArrayList<>();
            columns.add(PdfDocuments.Column.text("", 2));
            names.forEach(n -> columns.add(PdfDocuments.Column.amount(n, 1.5f)));
            List<List<?>> data = new ArrayList<>();
            for (int c = 0; c < categories.size(); c++) {
                List<String> line = new ArrayList<>();
                line.add(categories.get(c));
                for (Board.Series s : chart.series()) {
                    line.add(Figures.format(s.values().get(c), chart.unit()));
                }
                data.add(line);
            }
            pdf.table(columns, data);
        }
        for (Board.Table table : board.tables()) {
            pdf.heading(labels.message("dashboard.table." + table.key(), ZH));
            List<PdfDocuments.Column> columns = table.columns().stream()
                    .map(c -> PdfDocuments.Column.text(labels.message(c, ZH), 1)).toList();
            pdf.table(columns, table.rows().stream().map(r -> r.cells().stream().map(c -> labels.text(c, ZH)).toList()).toList());
        }
        return pdf.toBytes();
    }

    byte[] xlsx(ReportKind kind, String period, Board board) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet figures = workbook.createSheet(FIGURES_SHEET);
            figures.createRow(0).createCell(0).setCellValue(title(kind, period));
            figures.getRow(0).getCell(0).setCellStyle(bold);
            figures.createRow(1).createCell(0).setCellValue(board.subject() + " · " + board.from() + " 至 "
                    + board.to().minusDays(1));
            header(figures.createRow(2), bold, "指标", "数值", "报表所示");
            int r = 3;
            for (Board.Kpi k : board.kpis()) {
                Row row = figures.createRow(r++);
                row.createCell(0).setCellValue(labels.kpi(k, ZH));
                row.createCell(1).setCellValue(k.value().doubleValue());
                row.createCell(2).setCellValue(Figures.format(k.value(), k.unit()));
            }
            widths(figures, 30, 16, 16);
            int n = 1;
            for (Board.Chart chart : board.charts()) {
                Sheet sheet = workbook.createSheet(safe(n++ + " " + labels.chartTitle(chart, ZH)));
                List<String> names = chart.series().stream().map(s -> labels.message(s.key(), ZH)).toList();
                List<String> head = new ArrayList<>();
                head.add("");
                head.addAll(names);
                header(sheet.createRow(0), bold, head.toArray(String[]::new));
                List<String> categories = labels.categories(chart, ZH);
                for (int c = 0; c < categories.size(); c++) {
                    Row row = sheet.createRow(c + 1);
                    row.createCell(0).setCellValue(categories.get(c));
                    for (int s = 0; s < chart.series().size(); s++) {
                        BigDecimal v = chart.series().get(s).values().get(c);
                        row.createCell(s + 1).setCellValue(v == null ? 0 : v.doubleValue());
                    }
                }
                widths(sheet, 20, 16, 16, 16);
            }
            for (Board.Table table : board.tables()) {
                Sheet sheet = workbook.createSheet(safe(n++ + " " + labels.message("dashboard.table." + table.key(), ZH)));
                header(sheet.createRow(0), bold, table.columns().stream().map(c -> labels.message(c, ZH)).toArray(String[]::new));
                int i = 1;
                for (Board.Row row : table.rows()) {
                    Row line = sheet.createRow(i++);
                    for (int c = 0; c < row.cells().size(); c++) {
                        line.createCell(c).setCellValue(labels.text(row.cells().get(c), ZH));
                    }
                }
                widths(sheet, 24, 20, 14, 14, 16);
            }
            workbook.write(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(Row row, CellStyle bold, String... names) {
        for (int i = 0; i < names.length; i++) {
            row.createCell(i).setCellValue(names[i]);
            row.getCell(i).setCellStyle(bold);
        }
    }

    private static void widths(Sheet sheet, int... chars) {
        for (int i = 0; i < chars.length; i++) {
            sheet.setColumnWidth(i, chars[i] * 256);
        }
    }

    /** A sheet name: at most 31 characters, none of : \ / ? * [ ]. */
    private static String safe(String name) {
        String cleaned = name.replaceAll("[:\\\\/?*\\[\\]]", " ");
        return cleaned.length() > 31 ? cleaned.substring(0, 31) : cleaned;
    }
}
