package cn.liftcare.incidents;

import java.time.Instant;

/**
 * A repair was finished and recorded, with its parts and labour: where a claim for an insured elevator
 * starts.
 */
public record RepairOrderCompleted(RepairOrderId repairOrderId, RepairOrderView order, Instant at) {
}
