package cn.liftcare.maintenance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ChecklistRulesTest {

    final MaintenanceCatalogue catalogue = new MaintenanceCatalogue();
    final ChecklistRules rules = new ChecklistRules(catalogue);
    final List<String> due = catalogue.cumulative('A', MaintenanceClass.HALF_MONTH).stream().map(MaintenanceItem::code).toList();

    List<ChecklistEntry> allNormal() {
        List<ChecklistEntry> entries = new ArrayList<>();
        for (String code : due) {
            entries.add(new ChecklistEntry(code, ItemResult.NORMAL, code.equals("A-1-29") ? new BigDecimal("9.0") : null,
                    null, null));
        }
        return entries;
    }

    List<String> keys(Runnable r) {
        return catchThrowableOfType(ValidationFailedException.class, r::run).violations().stream()
                .map(v -> v.field() + ":" + v.messageKey()).toList();
    }

    @Test
    void aCompleteChecklistPasses() {
        assertThat(rules.check(due, allNormal())).hasSize(31);
    }

    @Test
    void missingItemsAreListedByCode() {
        List<ChecklistEntry> entries = allNormal();
        entries.removeIf(e -> e.code().equals("A-1-05") || e.code().equals("A-1-29"));
        ValidationFailedException e = catchThrowableOfType(ValidationFailedException.class, () -> rules.check(due, entries));
        Violation missing = e.violations().get(0);
        assertThat(missing.messageKey()).isEqualTo("visit.items.missing");
        assertThat(missing.args()).containsExactly("A-1-05, A-1-29");
    }

    @Test
    void itemsNotDueAreRefused() {
        List<ChecklistEntry> entries = allNormal();
        entries.add(new ChecklistEntry("A-4-01", ItemResult.NORMAL, null, null, null));
        assertThat(keys(() -> rules.check(due, entries))).containsExactly("items:visit.items.notDue");
    }

    @Test
    void notApplicableNeedsAReason() {
        List<ChecklistEntry> entries = allNormal();
        entries.set(0, new ChecklistEntry(due.get(0), ItemResult.NOT_APPLICABLE, null, " ", null));
        assertThat(keys(() -> rules.check(due, entries))).containsExactly("items[A-1-01]:visit.item.reasonRequired");
        entries.set(0, new ChecklistEntry(due.get(0), ItemResult.NOT_APPLICABLE, null, "无机房电梯", null));
        assertThat(rules.check(due, entries)).hasSize(31);
    }

    @Test
    void aMeasurementBelowTheLimitMakesTheItemAbnormal() {
        List<ChecklistEntry> entries = allNormal();
        entries.replaceAll(e -> e.code().equals("A-1-29") ? new ChecklistEntry("A-1-29", ItemResult.NORMAL,
                new BigDecimal("6.5"), null, null) : e);
        ChecklistEntry lock = rules.check(due, entries).stream().filter(e -> e.code().equals("A-1-29")).findFirst().orElseThrow();
        assertThat(lock.result()).isEqualTo(ItemResult.ABNORMAL);
        assertThat(lock.note()).contains("6.5mm", "不小于7mm");
    }

    @Test
    void impossibleOrMissingMeasurementsAreRefused() {
        List<ChecklistEntry> entries = allNormal();
        entries.replaceAll(e -> e.code().equals("A-1-29") ? new ChecklistEntry("A-1-29", ItemResult.NORMAL,
                new BigDecimal("700"), null, null) : e);
        assertThat(keys(() -> rules.check(due, entries))).containsExactly("items[A-1-29]:visit.item.valueImpossible");
        entries.replaceAll(e -> e.code().equals("A-1-29") ? new ChecklistEntry("A-1-29", ItemResult.NORMAL, null, null, null) : e);
        assertThat(keys(() -> rules.check(due, entries))).containsExactly("items[A-1-29]:visit.item.valueRequired");
    }

    @Test
    void testsNeedAPhoto() {
        List<String> annual = catalogue.cumulative('A', MaintenanceClass.YEAR).stream().map(MaintenanceItem::code).toList();
        List<ChecklistEntry> entries = new ArrayList<>();
        for (String code : annual) {
            MaintenanceItem item = catalogue.find(code).orElseThrow();
            entries.add(new ChecklistEntry(code, ItemResult.NORMAL, item.isNumeric() ? new BigDecimal("9") : null, null,
                    item.isTest() && !code.equals("A-4-06") ? 1L : null));
        }
        assertThat(keys(() -> rules.check(annual, entries))).containsExactly("items[A-4-06]:visit.item.photoRequired");
    }
}
