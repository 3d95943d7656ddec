package cn.liftcare.quality;

import java.util.List;

import cn.liftcare.shared.AuditedChange;

/** A period was closed: its scores are frozen and each company's fee payable posted by its grade. */
public record QualityPeriodClosed(String period, PeriodClose.Closing before, PeriodClose.Closing after)
        implements AuditedChange<PeriodClose.Closing> {

    @Override
    public String entityType() {
        return "quality_period";
    }

    @Override
    public String entityId() {
        return period;
    }

    /** The companies graded D, of whom the regulator is warned. */
    public List<Long> warned() {
        return after.warned();
    }
}
