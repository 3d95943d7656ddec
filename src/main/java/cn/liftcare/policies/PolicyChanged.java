package cn.liftcare.policies;

import cn.liftcare.shared.AuditedChange;

/**
 * A policy was quoted (before is null), accepted by a party, bound, issued, endorsed, cancelled or lapsed;
 * {@code change} names which.
 */
public record PolicyChanged(PolicyId policyId, String change, PolicyView before, PolicyView after)
        implements AuditedChange<PolicyView> {

    @Override
    public String entityType() {
        return "policy";
    }

    @Override
    public String entityId() {
        return String.valueOf(policyId.value());
    }
}
