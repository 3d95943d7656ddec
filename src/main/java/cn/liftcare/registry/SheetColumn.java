package cn.liftcare.registry;

/**
 * The columns of the elevator spreadsheet, in template order. Headers are Chinese, as the people who
 * fill them in expect; the English names are accepted too.
 */
enum SheetColumn {
    REGISTRATION_CODE("注册代码", "Registration code", "registrationCode", true),
    EMERGENCY_CODE("96333应急码", "96333 code", "emergencyCode", false),
    TYPE("类型", "Type", "type", true),
    BRAND("品牌", "Brand", "brand", true),
    MODEL("型号", "Model", "model", false),
    MANUFACTURE_DATE("制造日期", "Manufacture date", "manufactureDate", true),
    COMMISSIONING_DATE("投用日期", "Commissioning date", "commissioningDate", true),
    STOPS("层站数", "Stops", "stops", true),
    RATED_LOAD("额定载重量(kg)", "Rated load (kg)", "ratedLoadKg", false),
    RATED_SPEED("额定速度(m/s)", "Rated speed (m/s)", "ratedSpeed", true),
    USE_CATEGORY("使用场所", "Use", "useCategory", true),
    DISTRICT_CODE("区划代码", "District code", "districtCode", true),
    STREET("街道", "Street", "street", true),
    COMMUNITY("小区", "Community", "communityId", true),
    BUILDING("楼幢", "Building", "building", true),
    UNIT("单元", "Unit", "unit", true),
    USE_UNIT("使用单位统一社会信用代码", "Use unit credit code", "useUnitId", false),
    MAINTENANCE_COMPANY("维保单位统一社会信用代码", "Maintenance company credit code", "maintenanceCompanyId", false),
    STATUS("状态", "Status", "status", false),
    LAST_INSPECTION("上次定期检验日期", "Last periodic inspection", "lastInspectionDate", false),
    NEXT_INSPECTION("下次定期检验日期", "Next inspection due", "nextInspectionDue", false);

    private final String header;
    private final String englishHeader;
    private final String field;
    private final boolean required;

    SheetColumn(String header, String englishHeader, String field, boolean required) {
        this.header = header;
        this.englishHeader = englishHeader;
        this.field = field;
        this.required = required;
    }

    String header() {
        return header;
    }

    boolean required() {
        return required;
    }

    boolean matches(String text) {
        String t = text == null ? "" : text.replace("*", "").strip();
        return t.equals(header) || t.equalsIgnoreCase(englishHeader);
    }

    /** The column that holds an {@link ElevatorDetails} field, for placing a violation in the report. */
    static SheetColumn forField(String field) {
        for (SheetColumn column : values()) {
            if (column.field.equals(field)) {
                return column;
            }
        }
        return null;
    }
}
