package cn.liftcare.maintenance;

import java.math.BigDecimal;

/** One line of a visit's checklist. */
public record ChecklistEntry(String code, ItemResult result, BigDecimal value, String note, Long photoId) {
}
