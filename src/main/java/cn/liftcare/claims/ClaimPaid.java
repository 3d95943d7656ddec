package cn.liftcare.claims;

import java.time.Instant;

import cn.liftcare.identity.OrganizationId;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.shared.Money;

/** A claim was approved and its payout posted to the payee's payable: for dashboards and the quality module. */
public record ClaimPaid(ClaimId claimId, ElevatorId elevatorId, OrganizationId payeeId, Money amount, Instant at) {
}
