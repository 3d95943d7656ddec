package cn.liftcare.maintenance;

/** What the maintainer found and did for one item. */
public enum ItemResult {
    NORMAL,
    ADJUSTED,
    CLEANED_LUBRICATED,
    PART_REPAIRED,
    PART_REPLACED,
    /** Needs a repair: opens a repair need. */
    ABNORMAL,
    /** Does not apply to this elevator; a reason is required. */
    NOT_APPLICABLE
}
