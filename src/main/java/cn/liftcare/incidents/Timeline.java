package cn.liftcare.incidents;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liftcare.identity.Scope;

/** An incident's steps, each with its time and actor; the table refuses updates and deletes. */
@Component
public class Timeline {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Timeline(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
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

    /** A step with its own time and actor, for imports. */
    record Row(IncidentId incident, Step step, Instant at, Long actorId, String actorName, Long organization,
            String note) {
    }

    /** Many steps in one batch, each incident's in the order given. */
    void addAll(List<Row> rows) {
        batch.batchUpdate("""
                INSERT INTO incident_step (incident_id, step, at, actor_id, actor_name, organization_id, note)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", rows.stream().map(r -> new Object[] {r.incident().value(),
                        r.step().name(), r.at().atOffset(ZoneOffset.UTC), r.actorId(), r.actorName(), r.organization(),
                        r.note() == null || r.note().isBlank() ? null : r.note().strip()}).toList(),
                new int[] {Types.BIGINT, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.BIGINT, Types.VARCHAR,
                        Types.BIGINT, Types.VARCHAR});
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
