package cn.liftcare.registry.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.OrganizationId;
import cn.liftcare.registry.ElevatorQueries;

/**
 * Names what the audit log stores as ids and constants, so an elevator's history reads
 * "维保单位: 运河电梯 → 恒安电梯" rather than "maintenanceCompanyId: 7 → 8".
 */
@Component
class HistoryLabels {

    private static final Set<String> ORGANIZATIONS = Set.of("useUnitId", "maintenanceCompanyId");
    private static final Map<String, String> ENUMS = Map.of("type", "ElevatorType", "status", "ElevatorStatus",
            "useCategory", "UseCategory");

    private final OrganizationDirectory organizations;
    private final ElevatorQueries queries;
    private final MessageSource messages;

    HistoryLabels(OrganizationDirectory organizations, ElevatorQueries queries, MessageSource messages) {
        this.organizations = organizations;
        this.queries = queries;
        this.messages = messages;
    }

    List<HistoryEntry> label(List<HistoryEntry> entries) {
        Set<OrganizationId> orgs = new HashSet<>();
        Set<Long> units = new HashSet<>();
        for (HistoryEntry entry : entries) {
            for (HistoryEntry.FieldChange change : entry.changes()) {
                for (String value : new String[] {change.before(), change.after()}) {
                    if (value == null) {
                        continue;
                    }
                    if (ORGANIZATIONS.contains(change.field())) {
                        orgs.add(new OrganizationId(Long.parseLong(value)));
                    }
                    else if ("unitId".equals(change.field())) {
                        units.add(Long.parseLong(value));
                    }
                }
            }
        }
        Map<String, String> orgNames = organizations.byIds(orgs).values().stream()
                .collect(Collectors.toMap(o -> String.valueOf(o.id().value()), o -> o.name()));
        Map<String, String> unitNames = queries.unitNames(units).entrySet().stream()
                .collect(Collectors.toMap(e -> String.valueOf(e.getKey()), Map.Entry::getValue));
        List<HistoryEntry> labelled = new ArrayList<>();
        for (HistoryEntry entry : entries) {
            List<HistoryEntry.FieldChange> changes = new ArrayList<>();
            for (HistoryEntry.FieldChange c : entry.changes()) {
                if ("communityId".equals(c.field())) {
                    continue; // the unit names its community
                }
                changes.add(new HistoryEntry.FieldChange(c.field(), name(c.field(), c.before(), orgNames, unitNames),
                        name(c.field(), c.after(), orgNames, unitNames)));
            }
            labelled.add(new HistoryEntry(entry.auditId(), entry.at(), entry.actor(), entry.action(), changes));
        }
        return labelled;
    }

    private String name(String field, String value, Map<String, String> orgs, Map<String, String> units) {
        if (value == null) {
            return null;
        }
        if (ORGANIZATIONS.contains(field)) {
            return orgs.getOrDefault(value, value);
        }
        if ("unitId".equals(field)) {
            return units.getOrDefault(value, value);
        }
        if (ENUMS.containsKey(field)) {
            return messages.getMessage("enum." + ENUMS.get(field) + "." + value, null, value,
                    LocaleContextHolder.getLocale());
        }
        return value;
    }
}
