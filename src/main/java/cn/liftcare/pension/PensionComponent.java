package cn.liftcare.pension;

/**
 * The main parts of an elevator whose renewal the pension shares (GB/T 31821-2015, 《电梯主要部件报废技术条件》),
 * and the whole elevator. The product caps the insurer's share per kind of event.
 */
public enum PensionComponent {
    /** 驱动主机: motor, gearbox, brake, traction sheave. */
    DRIVE_MACHINE,
    /** 悬挂装置: suspension ropes or coated steel belts and their terminations. */
    SUSPENSION,
    /** 控制柜及变频器. */
    CONTROLLER,
    /** 门系统: door operator, car and landing doors, locks. */
    DOOR_SYSTEM,
    /** 限速器及安全钳. */
    GOVERNOR_SAFETY_GEAR,
    /** 缓冲器. */
    BUFFERS,
    /** 整梯更新. */
    WHOLE_ELEVATOR;

    /** The product's cap key: a whole replacement, or a major component renewal. */
    public String capKey() {
        return this == WHOLE_ELEVATOR ? "WHOLE_REPLACEMENT" : "MAJOR_COMPONENT";
    }
}
