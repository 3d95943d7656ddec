package cn.liftcare.shared.pdf;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.Money;

/**
 * A4 PDFs in Chinese (policy certificates, invoices), built top to bottom into a byte[]:
 * <pre>{@code
 * byte[] pdf = PdfDocuments.a4(time.now())
 *         .title("电梯养老综合保险 保险单")
 *         .keyValues(Map.of("保单号", "P-2025-0001"))   // a LinkedHashMap keeps the order
 *         .table(List.of(Column.text("小区", 3), Column.amount("保费（元）", 1)),
 *                List.of(List.of("小河佳苑", Money.of("9357.69"))))
 *         .paragraph("……")
 *         .toBytes();
 * }</pre>
 * Text is set in the Noto Sans CJK SC subsets shipped under {@code /fonts} (see its README), embedded as
 * subsets; a character outside them is left out of the PDF. Every page has the footer "第 N 页" and the
 * generation time in Asia/Shanghai.
 */
public final class PdfDocuments {

    private static final Color GREY = new Color(0x66, 0x66, 0x66);
    private static final Color HEADER_FILL = new Color(0xEE, 0xEE, 0xEE);
    private static final Color[] PALETTE = {new Color(0x54, 0x70, 0xC6), new Color(0x91, 0xCC, 0x75),
        new Color(0xFA, 0xC8, 0x58), new Color(0xEE, 0x66, 0x66), new Color(0x73, 0xC0, 0xDE), new Color(0x3B, 0xA2, 0x72)};
    private static final DateTimeFormatter GENERATED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(LiftCareTime.ZONE);

    private PdfDocuments() {
    }

    /** The regular face, loaded from the classpath once. */
    public static BaseFont regularFont() {
        return Fonts.REGULAR;
    }

    public static BaseFont boldFont() {
        return Fonts.BOLD;
    }

    /** An amount with thousands separators and two decimals, e.g. {@code 9,357.69} or {@code -12.00}. */
    public static String amount(Money money) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(money.amount());
    }

    /** A new A4 document; {@code generatedAt} is printed in every page's footer. */
    public static Builder a4(Instant generatedAt) {
        return new Builder(generatedAt);
    }

    /** A table column: its header, its relative width, and whether its cells are right-aligned (amounts). */
    public record Column(String header, float width, boolean alignRight) {

        public static Column text(String header, float width) {
            return new Column(header, width, false);
        }

        public static Column amount(String header, float width) {
            return new Column(header, width, true);
        }
    }

    /** Adds content in order; {@link #toBytes()} finishes the document. Not reusable, not thread-safe. */
    public static final class Builder {

        private final Document document = new Document(PageSize.A4, 56, 56, 56, 64);
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final PdfWriter writer;
        private boolean titled;

        private Builder(Instant generatedAt) {
            writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new Footer("生成时间 " + GENERATED_AT.format(generatedAt) + " · LiftCare"));
            document.addCreator("LiftCare");
            document.open();
        }

        /** The document's title: large, bold, centred; the first one also becomes the PDF's metadata title. */
        public Builder title(String text) {
            if (!titled) {
                document.addTitle(text);
                titled = true;
            }
            Paragraph p = new Paragraph(text, font(16, true));
            p.setAlignment(Element.ALIGN_CENTER);
            p.setSpacingAfter(14);
            document.add(p);
            return this;
        }

        /** A section heading, bold. */
        public Builder heading(String text) {
            Paragraph p = new Paragraph(text, font(11.5f, true));
            p.setSpacingBefore(8);
            p.setSpacingAfter(4);
            document.add(p);
            return this;
        }

        /** A paragraph of body text; long Chinese text wraps between any two characters. */
        public Builder paragraph(String text) {
            Paragraph p = new Paragraph(text, font(10.5f, false));
            p.setLeading(16);
            p.setSpacingAfter(6);
            document.add(p);
            return this;
        }

        /** Label and value pairs in the map's order (use a LinkedHashMap), two columns, no borders. */
        public Builder keyValues(Map<String, ?> pairs) {
            PdfPTable table = table(new float[] {1, 3});
            pairs.forEach((key, value) -> {
                table.addCell(cell(key, font(10.5f, true), false, null, false));
                table.addCell(cell(text(value), font(10.5f, false), false, null, false));
            });
            document.add(table);
            return this;
        }

        /**
         * A table with a header row, repeated on each page it spans. A cell may be a {@link Money}
         * (shown as {@link PdfDocuments#amount(Money)}), a String or anything else (its toString), or null (empty).
         */
        public Builder table(List<Column> columns, List<? extends List<?>> rows) {
            float[] widths = new float[columns.size()];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = columns.get(i).width();
            }
            PdfPTable table = table(widths);
            table.setHeaderRows(1);
            for (Column column : columns) {
                table.addCell(cell(column.header(), font(10, true), column.alignRight(), HEADER_FILL, true));
            }
            for (List<?> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("a row has " + row.size() + " cells for " + columns.size() + " columns");
                }
                for (int i = 0; i < widths.length; i++) {
                    table.addCell(cell(text(row.get(i)), font(10, false), columns.get(i).alignRight(), null, true));
                }
            }
            document.add(table);
            return this;
        }

        /**
         * A bar chart drawn as vector graphics, the width of the text: one group of bars per category, one bar per
         * series (in its own colour, named in the legend), a value axis from zero, category labels below. Negative
         * values are drawn as zero-height bars.
         */
        public Builder barChart(List<String> categories, List<String> seriesNames, List<List<java.math.BigDecimal>> values) {
            float width = document.right() - document.left();
            float height = 200;
            com.lowagie.text.pdf.PdfTemplate t = writer.getDirectContent().createTemplate(width, height);
            float left = 48;
            float bottom = 46;
            float top = height - 24;
            double max = 0;
            for (List<java.math.BigDecimal> series : values) {
                for (java.math.BigDecimal v : series) {
                    max = Math.max(max, v == null ? 0 : v.doubleValue());
                }
            }
            double step = niceStep(max <= 0 ? 1 : max / 4);
            double axisMax = step * Math.max(1, Math.ceil(max / step));
            t.setLineWidth(0.4f);
            t.setColorStroke(new Color(0xCC, 0xCC, 0xCC));
            for (int i = 0; i <= 4; i++) {
                float y = bottom + (float) ((top - bottom) * i / 4.0);
                t.moveTo(left, y);
                t.lineTo(width, y);
                t.stroke();
                label(t, tick(axisMax * i / 4), left - 4, y - 3, 7, Element.ALIGN_RIGHT);
            }
            int n = Math.max(1, categories.size());
            float slot = (width - left) / n;
            float barWidth = Math.max(1, slot * 0.8f / Math.max(1, values.size()));
            for (int s = 0; s < values.size(); s++) {
                t.setColorFill(PALETTE[s % PALETTE.length]);
                List<java.math.BigDecimal> series = values.get(s);
                for (int c = 0; c < series.size() && c < n; c++) {
                    double v = series.get(c) == null ? 0 : Math.max(0, series.get(c).doubleValue());
                    float h = (float) ((top - bottom) * v / axisMax);
                    t.rectangle(left + slot * c + slot * 0.1f + barWidth * s, bottom, barWidth, h);
                    t.fill();
                }
            }
            for (int c = 0; c < categories.size(); c++) {
                String text = categories.get(c);
                if (text.length() > 6) {
                    text = text.substring(0, 6);
                }
                label(t, text, left + slot * c + slot / 2, bottom - 12 - (n > 8 && c % 2 == 1 ? 10 : 0), 7,
                        Element.ALIGN_CENTER);
            }
            float x = left;
            for (int s = 0; s < seriesNames.size(); s++) {
                t.setColorFill(PALETTE[s % PALETTE.length]);
                t.rectangle(x, height - 12, 8, 8);
                t.fill();
                label(t, seriesNames.get(s), x + 11, height - 11, 8, Element.ALIGN_LEFT);
                x += 20 + Fonts.REGULAR.getWidthPoint(seriesNames.get(s), 8);
            }
            com.lowagie.text.Image image = com.lowagie.text.Image.getInstance(t);
            image.setSpacingAfter(6);
            document.add(image);
            return this;
        }

        private static void label(com.lowagie.text.pdf.PdfTemplate t, String text, float x, float y, float size, int align) {
            t.beginText();
            t.setColorFill(Color.DARK_GRAY);
            t.setFontAndSize(Fonts.REGULAR, size);
            t.showTextAligned(align, text, x, y, 0);
            t.endText();
        }

        private static double niceStep(double raw) {
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double r = raw / magnitude;
            return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * magnitude;
        }

        private static String tick(double v) {
            if (v == Math.rint(v)) {
                return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
            }
            return new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
        }

        /** Closes the document and returns the PDF. */
        public byte[] toBytes() {
            document.close();
            return out.toByteArray();
        }

        private static PdfPTable table(float[] widths) {
            PdfPTable table = new PdfPTable(widths);
            table.setWidthPercentage(100);
            table.setSpacingBefore(4);
            table.setSpacingAfter(10);
            return table;
        }

        private static PdfPCell cell(String text, Font font, boolean alignRight, Color fill, boolean bordered) {
            PdfPCell cell = new PdfPCell(new Phrase(text, font));
            cell.setHorizontalAlignment(alignRight ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
            cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
            cell.setPadding(4);
            cell.setPaddingBottom(6);
            cell.setBackgroundColor(fill);
            if (bordered) {
                cell.setBorderWidth(0.5f);
                cell.setBorderColor(Color.GRAY);
            }
            else {
                cell.setBorder(Rectangle.NO_BORDER);
            }
            return cell;
        }

        private static String text(Object value) {
            if (value instanceof Money money) {
                return amount(money);
            }
            return value == null ? "" : value.toString();
        }
    }

    private static Font font(float size, boolean bold) {
        return new Font(bold ? Fonts.BOLD : Fonts.REGULAR, size);
    }

    /** Page numbers and the generation time at the foot of every page. */
    private static final class Footer extends PdfPageEventHelper {

        private final String generated;

        Footer(String generated) {
            this.generated = generated;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            float y = document.bottom() - 30;
            Font small = new Font(Fonts.REGULAR, 8, Font.NORMAL, GREY);
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER,
                    new Phrase("第 " + writer.getPageNumber() + " 页", new Font(Fonts.REGULAR, 9)),
                    (document.left() + document.right()) / 2, y, 0);
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_RIGHT,
                    new Phrase(generated, small), document.right(), y - 14, 0);
        }
    }

    /** Loaded on first use, once per JVM; a BaseFont may be shared by documents built at the same time. */
    private static final class Fonts {

        static final BaseFont REGULAR = load("NotoSansSC-Regular-subset.otf");
        static final BaseFont BOLD = load("NotoSansSC-Bold-subset.otf");

        private static BaseFont load(String name) {
            try (InputStream in = PdfDocuments.class.getResourceAsStream("/fonts/" + name)) {
                Objects.requireNonNull(in, () -> "font /fonts/" + name + " is not on the classpath");
                // the name's .otf tells OpenPDF the font's type; not cached by name, this class holds it
                return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot load font " + name, e);
            }
        }
    }
}
