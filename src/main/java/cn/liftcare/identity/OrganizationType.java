package cn.liftcare.identity;

/** The parties of 电梯养老综合保险, plus the platform operator that administers LiftCare itself. */
public enum OrganizationType {
    /** LiftCare's operator: administers organisations and users; not a party to any policy. */
    PLATFORM,
    /** 市场监管局: sees its jurisdiction. */
    REGULATOR,
    INSURER,
    /** Third-party technical supervisor (第三方技术监督机构). */
    SUPERVISOR,
    /** 维保单位. */
    MAINTENANCE_COMPANY,
    /** 使用单位, usually the property company. */
    USE_UNIT,
    /** 业主委员会. */
    OWNERS_COMMITTEE,
    /** 检验检测机构. */
    INSPECTION_BODY;

    public boolean needsCreditCode() {
        return this != PLATFORM;
    }
}
