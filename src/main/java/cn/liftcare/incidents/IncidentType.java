package cn.liftcare.incidents;

/** What kind of incident, in order of priority: an entrapment comes first. */
public enum IncidentType {
    /** 困人. */
    ENTRAPMENT(1),
    /** 停梯. */
    OUT_OF_SERVICE(2),
    /** 安全隐患. */
    SAFETY_HAZARD(3),
    /** 一般缺陷. */
    MINOR_DEFECT(4);

    private final int priority;

    IncidentType(int priority) {
        this.priority = priority;
    }

    /** 1 is the highest. */
    public int priority() {
        return priority;
    }

    public boolean outranks(IncidentType other) {
        return priority < other.priority;
    }
}
