package cn.liftcare.incidents;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records each limit an incident missed, once, against the accountable maintenance company; the timeline
 * says so too.
 */
@Component
class Breaches {

    private final JdbcClient jdbc;
    private final Timeline timeline;

    Breaches(JdbcClient jdbc, Timeline timeline) {
        this.jdbc = jdbc;
        this.timeline = timeline;
    }

    void record(Incident incident, Instant now) {
        for (ResponseClock.Limit limit : ResponseClock.assess(incident.facts(), now)) {
            if (limit.state() != ResponseClock.State.BREACHED) {
                continue;
            }
            int added = jdbc.sql("""
                    INSERT INTO incident_breach (incident_id, kind, company_id, district_id, limit_minutes, detected_at)
                    VALUES (:incident, :kind, :company, :district, :minutes, :at) ON CONFLICT DO NOTHING""")
                    .param("incident", incident.id().value()).param("kind", limit.kind().name())
                    .param("company", incident.maintenanceCompanyId() == null ? null : incident.maintenanceCompanyId().value())
                    .param("district", incident.districtId().value()).param("minutes", limit.minutes())
                    .param("at", Timestamp.from(now)).update();
            if (added > 0) {
                timeline.add(incident.id(), Step.BREACHED, now, null, "system", null,
                        limit.kind().name() + " > " + limit.minutes() + " min");
            }
        }
    }
}
