package cn.liftcare.incidents;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.shared.LiftCareTime;

/**
 * Watches the open incidents: records each limit as it is missed, and escalates to the regulator an incident
 * at risk (by default two thirds of a limit gone without the step) or with nobody to send.
 */
@Component
public class IncidentSupervisor {

    private final Incidents incidents;
    private final Breaches breaches;
    private final Timeline timeline;
    private final JdbcClient jdbc;
    private final LiftCareTime time;

    IncidentSupervisor(Incidents incidents, Breaches breaches, Timeline timeline, JdbcClient jdbc, LiftCareTime time) {
        this.incidents = incidents;
        this.breaches = breaches;
        this.timeline = timeline;
        this.jdbc = jdbc;
        this.time = time;
    }

    @Scheduled(fixedDelayString = "${liftcare.incidents.sweep-ms:20000}", initialDelayString = "${liftcare.incidents.sweep-ms:20000}")
    @Transactional
    public int sweep() {
        Instant now = time.now();
        List<Long> open = jdbc.sql("""
                SELECT id FROM incident WHERE closed_at IS NULL AND status NOT IN ('RESTORED', 'CONFIRMED', 'FALSE_ALARM')
                ORDER BY id""").query(Long.class).list();
        int escalated = 0;
        for (Incident incident : incidents.findAllById(open.stream().map(IncidentId::new).toList())) {
            breaches.record(incident, now);
            if (ResponseClock.needsEscalation(incident.facts(), now) && incident.escalate(now)) {
                incidents.save(incident);
                timeline.add(incident.id(), Step.ESCALATED, now, null, "system", null, null);
                escalated++;
            }
        }
        return escalated;
    }
}
