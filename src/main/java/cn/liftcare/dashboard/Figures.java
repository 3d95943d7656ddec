package cn.liftcare.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How a figure is written, the same on the page, in the PDF and in the workbook's text cells. */
public final class Figures {

    private Figures() {
    }

    /** On a card: yuan to the whole yuan, so a large amount fits a phone's half-width card. */
    public static String compact(BigDecimal value, Board.Unit unit) {
        if (value != null && unit == Board.Unit.YUAN) {
            return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT))
                    .format(value.setScale(0, RoundingMode.HALF_UP));
        }
        return format(value, unit);
    }

    public static String format(BigDecimal value, Board.Unit unit) {
        if (value == null) {
            return "—";
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        return switch (unit) {
            case COUNT -> new DecimalFormat("#,##0", symbols).format(value);
            case SHARE -> value.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
            case YUAN -> new DecimalFormat("#,##0.00", symbols).format(value.setScale(2, RoundingMode.HALF_UP));
            case MINUTES -> value.setScale(1, RoundingMode.HALF_UP).toPlainString();
            case RATE -> value.setScale(3, RoundingMode.HALF_UP).toPlainString();
            case SCORE -> value.setScale(2, RoundingMode.HALF_UP).toPlainString();
        };
    }
}
