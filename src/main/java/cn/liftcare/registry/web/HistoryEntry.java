package cn.liftcare.registry.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import cn.liftcare.audit.AuditEntry;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One change in an elevator's history, as field-by-field old → new. */
record HistoryEntry(long auditId, Instant at, String actor, String action, List<FieldChange> changes) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static HistoryEntry of(AuditEntry entry) {
        JsonNode before = entry.before() == null ? null : JSON.readTree(entry.before());
        JsonNode after = entry.after() == null ? null : JSON.readTree(entry.after());
        TreeSet<String> fields = new TreeSet<>();
        addFields(fields, before);
        addFields(fields, after);
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            String old = text(before, field);
            String now = text(after, field);
            if (!Objects.equals(old, now) && !"id".equals(field)) {
                changes.add(new FieldChange(field, old, now));
            }
        }
        return new HistoryEntry(entry.id(), entry.occurredAt(), entry.actor(), entry.action(), changes);
    }

    private static void addFields(TreeSet<String> fields, JsonNode node) {
        if (node != null) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                fields.add(e.getKey());
            }
        }
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.has(field) || node.get(field).isNull()) {
            return null;
        }
        JsonNode value = node.get(field);
        return value.isValueNode() ? value.asString() : value.toString();
    }

    record FieldChange(String field, String before, String after) {
    }
}
