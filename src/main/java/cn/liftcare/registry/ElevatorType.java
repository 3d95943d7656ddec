package cn.liftcare.registry;

import java.util.Set;

/**
 * Kinds of elevator, each with the TSG T5002-2017 annex that sets its maintenance items and the
 * 特种设备目录 category codes that open its 20-digit registration code.
 */
public enum ElevatorType {
    /** 曳引驱动电梯 (passenger 3110, goods 3120, explosion-proof 3410, firefighter 3420). */
    TRACTION('A', Set.of("3110", "3120", "3410", "3420")),
    /** 强制驱动电梯 (3130). */
    POSITIVE_DRIVE('A', Set.of("3130")),
    /** 液压驱动电梯 (3210, 3220). */
    HYDRAULIC('B', Set.of("3210", "3220")),
    /** 杂物电梯 (3430). */
    DUMBWAITER('C', Set.of("3430")),
    /** 自动扶梯 (3310). */
    ESCALATOR('D', Set.of("3310")),
    /** 自动人行道 (3320). */
    MOVING_WALK('D', Set.of("3320"));

    private final char annex;
    private final Set<String> categoryCodes;

    ElevatorType(char annex, Set<String> categoryCodes) {
        this.annex = annex;
        this.categoryCodes = categoryCodes;
    }

    /** The TSG T5002-2017 annex: A traction and positive-drive, B hydraulic, C dumbwaiter, D escalator and walk. */
    public char annex() {
        return annex;
    }

    public boolean acceptsCategory(String categoryCode) {
        return categoryCodes.contains(categoryCode);
    }

    public Set<String> categoryCodes() {
        return categoryCodes;
    }

    public boolean isEscalatorOrWalk() {
        return annex == 'D';
    }

    public static ElevatorType forCategory(String categoryCode) {
        for (ElevatorType type : values()) {
            if (type.acceptsCategory(categoryCode)) {
                return type;
            }
        }
        return null;
    }
}
