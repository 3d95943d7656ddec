package cn.liftcare.incidents;

/** What a reporter saw, and the incident type it opens. */
public enum Symptom {
    /** 被困. */
    TRAPPED(IncidentType.ENTRAPMENT),
    /** 停梯. */
    STOPPED(IncidentType.OUT_OF_SERVICE),
    /** 门故障: doors that misbehave are the commonest cause of injury, so a hazard. */
    DOOR_FAULT(IncidentType.SAFETY_HAZARD),
    /** 异响. */
    NOISE(IncidentType.MINOR_DEFECT),
    /** 其他. */
    OTHER(IncidentType.MINOR_DEFECT),
    /** A machine alarm; its fault code decides the type. */
    ALARM(IncidentType.OUT_OF_SERVICE);

    private final IncidentType type;

    Symptom(IncidentType type) {
        this.type = type;
    }

    public IncidentType type() {
        return type;
    }
}
