package cn.liftcare.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.liftcare.shared.AuditableEvent;
import cn.liftcare.shared.CurrentActor;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hears every auditable domain event synchronously, inside the transaction that made the change: the
 * change and its audit entry commit together or not at all.
 */
@Component
class AuditRecorder {

    private final AuditLog log;
    private final CurrentActor actor;
    private final JsonMapper json = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    AuditRecorder(AuditLog log, CurrentActor actor) {
        this.log = log;
        this.actor = actor;
    }

    @EventListener
    void on(AuditableEvent event) {
        log.append(actor.get(), event.action().name(), event.entityType(), event.entityId(),
                toJson(event.auditBefore()), toJson(event.auditAfter()));
    }

    private String toJson(Object state) {
        return state == null ? null : json.writeValueAsString(state);
    }
}
