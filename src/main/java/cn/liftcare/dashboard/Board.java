package cn.liftcare.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One organisation's dashboard as the read model holds it: KPI cards, charts and tables, each with the message key
 * of its label and the list page behind it. The home page, the PDF and the Excel workbook all render this same
 * structure, so they cannot disagree. A new section (the quality grades, say) is one more card or chart with its
 * own key: nothing in the rendering changes.
 *
 * @param kind the dashboard's kind (regulator, insurer, community, company, general)
 * @param subject what the figures are about (the organisation's name, or a community's)
 * @param from the start of the reporting window (inclusive)
 * @param to the end of the reporting window (exclusive)
 */
public record Board(String kind, String subject, LocalDate from, LocalDate to, Instant computedAt, List<Kpi> kpis,
        List<Chart> charts, List<Table> tables) {

    /** How a value reads: a count, a share (0..1 shown as %), yuan, minutes, a rate per elevator-year, a score. */
    public enum Unit {
        COUNT, SHARE, YUAN, MINUTES, RATE, SCORE
    }

    /** A card: a value under its label; {@code link} is the list page behind it. */
    public record Kpi(String key, BigDecimal value, Unit unit, String link) {
    }

    /**
     * A chart: categories along the x axis; each series a line or bars. {@code link} is the list page behind it; a
     * {@code {category}} in it is replaced by the clicked category's {@code linkKeys} entry.
     */
    public record Chart(String key, String type, List<String> categories, List<String> linkKeys, List<Series> series,
            Unit unit, String link) {
    }

    public record Series(String key, String type, List<BigDecimal> values) {
    }

    /** A table: column message keys, rows of cells (strings, already formatted), each row with its link. */
    public record Table(String key, List<String> columns, List<Row> rows, String link) {
    }

    public record Row(List<String> cells, String link) {
    }

    public Optional<Kpi> kpi(String key) {
        return kpis.stream().filter(k -> k.key().equals(key)).findFirst();
    }

    public Optional<Chart> chart(String key) {
        return charts.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    public Optional<Table> table(String key) {
        return tables.stream().filter(t -> t.key().equals(key)).findFirst();
    }
}
