package cn.liftcare.maintenance;

import cn.liftcare.registry.ElevatorId;

/**
 * The elevator needs a repair: an item was found abnormal on a maintenance visit, or an inspection demanded
 * rectification (then {@code visitId} is null and {@code inspectionId} names it). The incidents module turns
 * it into a repair order.
 */
public record RepairNeedRaised(long repairNeedId, ElevatorId elevatorId, VisitId visitId, InspectionId inspectionId,
        String itemCode, String description) {
}
