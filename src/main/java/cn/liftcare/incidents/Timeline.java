package cn.liftcare.incidents;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liftcare.identity.Scope;

/** An incident's steps, each with its time and actor; the table refuses updates and deletes. */
@Component
public class Timeline {

    private final JdbcClient jdbc;

    Timeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(IncidentId incident, Step step, Instant at, Scope actor, String note) {
        boolean system = actor == null || actor == Scope.SYSTEM;
        add(incident, step, at, system ? null : actor.userId().value(), system ? "system" : actor.username(),
                system ? null : actor.orgId(), note);
    }

    /** A step by someone without an account: a resident, a device. */
    void add(IncidentId incident, Step step, Instant at, Long actorId, String actorName, Long organization, String note) {
        jdbc.sql("""
                INSERT INTO incident_step (incident_id, step, at, actor_id, actor_name, organization_id, note)
                VALUES (:incident, :step, :at, :actor, :name, :org, :note)""")
                .param("incident", incident.value()).param("step", step.name()).param("at", Timestamp.from(at))
                .param("actor", actorId).param("name", actorName).param("org", organization)
                .param("note", note == null || note.isBlank() ? null : note.strip())
                .update();
    }

    public record Entry(Step step, Instant at, String actorName, Long organizationId, String note) {
    }

    List<Entry> of(IncidentId incident) {
        return jdbc.sql("SELECT step, at, actor_name, organization_id, note FROM incident_step WHERE incident_id = :i ORDER BY id")
                .param("i", incident.value())
                .query((rs, i) -> new Entry(Step.valueOf(rs.getString(1)), rs.getTimestamp(2).toInstant(),
                        rs.getString(3), (Long) rs.getObject(4), rs.getString(5)))
                .list();
    }
}
