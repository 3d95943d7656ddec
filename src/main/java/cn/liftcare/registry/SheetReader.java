package cn.liftcare.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an .xlsx as text, streaming (POI's SAX event API), so a 10,000-row file is
 * read in a fraction of the time and memory the DOM model needs. Dates come out as yyyy-MM-dd whatever
 * their display format; numbers as the cell shows them.
 */
final class SheetReader {

    private SheetReader() {
    }

    /** A row as its 1-based number in the sheet and its non-blank cells by 0-based column. */
    record SheetRow(int number, Map<Integer, String> cells) {
    }

    static List<SheetRow> read(byte[] bytes) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            XSSFReader reader = new XSSFReader(pkg);
            Collector rows = new Collector();
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
                    new ReadOnlySharedStringsTable(pkg), rows, new IsoDates(), false));
            try (InputStream sheet = reader.getSheetsData().next()) {
                parser.parse(new InputSource(sheet));
            }
            return rows.rows;
        }
        catch (OpenXML4JException | SAXException | RuntimeException e) {
            throw new IOException("not a readable .xlsx workbook", e);
        }
        catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        final List<SheetRow> rows = new ArrayList<>();
        Map<Integer, String> current;
        int number;

        @Override
        public void startRow(int rowNum) {
            number = rowNum + 1;
            current = new TreeMap<>();
        }

        @Override
        public void endRow(int rowNum) {
            if (!current.isEmpty()) {
                rows.add(new SheetRow(number, current));
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            if (value != null && !value.isBlank()) {
                current.put(new CellReference(reference).getCol() & 0xFFFF, value.strip());
            }
        }
    }

    /** Formats any date-formatted number as an ISO date, so "2015/3/1" and "1-Mar-15" read alike. */
    private static final class IsoDates extends DataFormatter {
        IsoDates() {
            super(java.util.Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return LocalDate.ofInstant(DateUtil.getJavaDate(value, use1904, java.util.TimeZone.getTimeZone(ZoneOffset.UTC))
                        .toInstant(), ZoneOffset.UTC).toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904);
        }
    }
}
