package cn.liftcare.claims;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.liftcare.incidents.IncidentRestored;
import cn.liftcare.incidents.IncidentType;
import cn.liftcare.incidents.RepairOrderCompleted;

/**
 * Claims open by themselves: after a repair order is completed, and after an entrapment ends. The listeners run
 * after the source commits, from Spring Modulith's event publication registry, so an event a crash interrupted is
 * delivered again on restart; a claim opens once per source, whatever the number of deliveries.
 */
@Component
class ClaimIntake {

    private final ClaimDesk desk;

    ClaimIntake(ClaimDesk desk) {
        this.desk = desk;
    }

    @ApplicationModuleListener
    void on(RepairOrderCompleted completed) {
        desk.fromRepairOrder(completed.order());
    }

    @ApplicationModuleListener
    void on(IncidentRestored restored) {
        if (restored.type() == IncidentType.ENTRAPMENT) {
            desk.fromEntrapment(restored.incidentId());
        }
    }
}
