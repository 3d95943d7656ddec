package cn.liftcare.policies;

/** The parties to the three-party contract (三方合同). */
public enum PartyRole {
    /** 甲方: the use unit (使用单位). */
    USE_UNIT,
    /** 乙方: the insurer. */
    INSURER,
    /** 丙方: a maintenance company of elevators on the schedule. */
    MAINTENANCE_COMPANY
}
