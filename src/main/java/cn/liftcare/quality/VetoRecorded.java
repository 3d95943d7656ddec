package cn.liftcare.quality;

import cn.liftcare.shared.AuditedChange;

/** The regulator recorded a veto item against a company (before is always null: a veto is never changed). */
public record VetoRecorded(long vetoId, Vetoes.VetoView before, Vetoes.VetoView after)
        implements AuditedChange<Vetoes.VetoView> {

    @Override
    public String entityType() {
        return "quality_veto";
    }

    @Override
    public String entityId() {
        return String.valueOf(vetoId);
    }
}
