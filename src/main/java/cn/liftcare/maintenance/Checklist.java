package cn.liftcare.maintenance;

import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

import cn.liftcare.shared.Sha256;

/** A visit's checklist as stored: compact JSON, and its SHA-256, which the audit log keeps. */
final class Checklist {

    private static final JsonMapper JSON = JsonMapper.builder().enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private Checklist() {
    }

    static String toJson(List<ChecklistEntry> entries) {
        return JSON.writeValueAsString(entries);
    }

    static List<ChecklistEntry> fromJson(String json) {
        return json == null ? List.of() : JSON.readValue(json, new TypeReference<List<ChecklistEntry>>() {
        });
    }

    static String digest(String json) {
        return Sha256.hex(json);
    }
}
