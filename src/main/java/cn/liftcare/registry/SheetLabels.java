package cn.liftcare.registry;

import java.util.Map;

/** The Chinese words a spreadsheet uses for types, uses and statuses, both ways. */
final class SheetLabels {

    static final Map<ElevatorType, String> TYPES = Map.of(
            ElevatorType.TRACTION, "曳引驱动电梯",
            ElevatorType.POSITIVE_DRIVE, "强制驱动电梯",
            ElevatorType.HYDRAULIC, "液压电梯",
            ElevatorType.DUMBWAITER, "杂物电梯",
            ElevatorType.ESCALATOR, "自动扶梯",
            ElevatorType.MOVING_WALK, "自动人行道");

    static final Map<UseCategory, String> USES = Map.of(
            UseCategory.RESIDENTIAL, "住宅",
            UseCategory.OFFICE, "办公",
            UseCategory.HOSPITAL, "医院",
            UseCategory.SCHOOL, "学校",
            UseCategory.SHOPPING, "商场",
            UseCategory.HOTEL, "酒店",
            UseCategory.PUBLIC_TRANSPORT, "公共交通",
            UseCategory.INDUSTRIAL, "工业",
            UseCategory.OTHER, "其他");

    static final Map<ElevatorStatus, String> STATUSES = Map.of(
            ElevatorStatus.IN_SERVICE, "在用",
            ElevatorStatus.SUSPENDED, "停用",
            ElevatorStatus.SCRAPPED, "报废");

    private SheetLabels() {
    }

    /** The constant whose Chinese label or English name is {@code text}; null when none is. */
    static <E extends Enum<E>> E parse(Map<E, String> labels, Class<E> type, String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        for (Map.Entry<E, String> e : labels.entrySet()) {
            if (e.getValue().equals(t) || e.getKey().name().equalsIgnoreCase(t)) {
                return e.getKey();
            }
        }
        return null;
    }
}
