package cn.liftcare.maintenance;

import cn.liftcare.registry.ElevatorId;

/**
 * An item was found abnormal on a maintenance visit: the elevator needs a repair. The incidents module
 * turns it into a repair order.
 */
public record RepairNeedRaised(long repairNeedId, ElevatorId elevatorId, VisitId visitId, String itemCode,
        String description) {
}
