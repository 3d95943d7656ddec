package cn.liftcare.quality;

import cn.liftcare.shared.AuditedChange;

/** A supervisor recorded a spot check (before is always null: a spot check is never changed). */
public record SpotCheckRecorded(long spotCheckId, SpotChecks.SpotCheckView before, SpotChecks.SpotCheckView after)
        implements AuditedChange<SpotChecks.SpotCheckView> {

    @Override
    public String entityType() {
        return "quality_spot_check";
    }

    @Override
    public String entityId() {
        return String.valueOf(spotCheckId);
    }
}
