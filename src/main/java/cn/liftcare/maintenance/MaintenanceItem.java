package cn.liftcare.maintenance;

import java.math.BigDecimal;

/**
 * One maintenance item of TSG T5002-2017 Annexes A–D, as the regulation's table states it.
 *
 * @param code annex-table-row, e.g. A-1-29; derived items add a suffix (A-4-06C, the governor's speed
 *     calibration that the note of A-4-06 schedules on its own cycle)
 */
public record MaintenanceItem(char annex, MaintenanceClass maintenanceClass, int seq, String code, String item,
        String requirement, Judgement judgement, BigDecimal valueMin, BigDecimal valueMax, String unit, String note) {

    /** How the regulation judges the item. */
    public enum Judgement {
        /** Meets the standard value. */
        STANDARD,
        /** Meets the manufacturer's requirement. */
        MANUFACTURER,
        /** A measured value within a limit. */
        NUMERIC,
        QUALITATIVE
    }

    /** Tests (试验、测试、校验) need a photo as evidence. */
    public boolean isTest() {
        return item.contains("试验") || item.contains("测试") || item.contains("校验");
    }

    public boolean isNumeric() {
        return judgement == Judgement.NUMERIC;
    }

    /** Whether a measured value meets the regulation's limit, e.g. lock engagement of at least 7 mm. */
    public boolean withinLimit(BigDecimal value) {
        return (valueMin == null || value.compareTo(valueMin) >= 0) && (valueMax == null || value.compareTo(valueMax) <= 0);
    }

    /** Whether a measured value is physically possible at all; beyond this it is a typing error, refused. */
    public boolean physicallyPossible(BigDecimal value) {
        BigDecimal[] bounds = switch (unit == null ? "" : unit) {
            case "mm" -> new BigDecimal[] {BigDecimal.ZERO, new BigDecimal("100")};
            case "%" -> new BigDecimal[] {new BigDecimal("-100"), new BigDecimal("1000")};
            case "倍" -> new BigDecimal[] {BigDecimal.ZERO, new BigDecimal("10")};
            default -> new BigDecimal[] {new BigDecimal("-1000000"), new BigDecimal("1000000")};
        };
        return value.compareTo(bounds[0]) >= 0 && value.compareTo(bounds[1]) <= 0;
    }
}
