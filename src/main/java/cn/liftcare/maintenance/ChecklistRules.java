package cn.liftcare.maintenance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/**
 * Checks a submitted checklist against the items due: every due item answered, nothing else; a reason for
 * "not applicable"; a photo for every test; a measured value for every numeric item, within physical
 * bounds. A value outside the regulation's limit makes the item abnormal, whatever was ticked.
 */
@Component
class ChecklistRules {

    private final MaintenanceCatalogue catalogue;

    ChecklistRules(MaintenanceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    List<ChecklistEntry> check(List<String> due, List<ChecklistEntry> submitted) {
        List<Violation> violations = new ArrayList<>();
        Map<String, ChecklistEntry> byCode = new LinkedHashMap<>();
        Set<String> notDue = new LinkedHashSet<>();
        for (ChecklistEntry entry : submitted == null ? List.<ChecklistEntry>of() : submitted) {
            if (entry == null || entry.code() == null) {
                continue;
            }
            if (!due.contains(entry.code())) {
                notDue.add(entry.code());
            }
            else if (byCode.putIfAbsent(entry.code(), entry) != null) {
                violations.add(Violation.of("items", "visit.items.repeated", entry.code()));
            }
        }
        List<String> missing = due.stream().filter(code -> !byCode.containsKey(code)).toList();
        if (!missing.isEmpty()) {
            violations.add(Violation.of("items", "visit.items.missing", String.join(", ", missing)));
        }
        if (!notDue.isEmpty()) {
            violations.add(Violation.of("items", "visit.items.notDue", String.join(", ", notDue)));
        }
        List<ChecklistEntry> checked = new ArrayList<>();
        for (ChecklistEntry entry : byCode.values()) {
            checked.add(checkEntry(entry, violations));
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        return checked;
    }

    private ChecklistEntry checkEntry(ChecklistEntry entry, List<Violation> violations) {
        MaintenanceItem item = catalogue.find(entry.code()).orElseThrow();
        String field = "items[" + entry.code() + "]";
        if (entry.result() == null) {
            violations.add(Violation.of(field, "visit.item.resultRequired", entry.code()));
            return entry;
        }
        if (entry.result() == ItemResult.NOT_APPLICABLE) {
            if (entry.note() == null || entry.note().isBlank()) {
                violations.add(Violation.of(field, "visit.item.reasonRequired", entry.code()));
            }
            return entry;
        }
        if (item.isTest() && entry.photoId() == null) {
            violations.add(Violation.of(field, "visit.item.photoRequired", entry.code(), item.item()));
        }
        if (item.isNumeric()) {
            if (entry.value() == null) {
                violations.add(Violation.of(field, "visit.item.valueRequired", entry.code(), item.unit()));
            }
            else if (!item.physicallyPossible(entry.value())) {
                violations.add(Violation.of(field, "visit.item.valueImpossible", entry.code(),
                        entry.value().toPlainString(), item.unit()));
            }
            else if (!item.withinLimit(entry.value()) && entry.result() != ItemResult.ABNORMAL) {
                String note = "测量值 " + entry.value().toPlainString() + item.unit() + " 不符合“" + item.requirement() + "”"
                        + (entry.note() == null || entry.note().isBlank() ? "" : "；" + entry.note());
                return new ChecklistEntry(entry.code(), ItemResult.ABNORMAL, entry.value(), note, entry.photoId());
            }
        }
        return entry;
    }
}
