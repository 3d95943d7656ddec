package cn.liftcare.demo;

import java.util.Objects;
import java.util.Random;

import cn.liftcare.incidents.Channel;
import cn.liftcare.incidents.Symptom;
import cn.liftcare.registry.ElevatorType;
import cn.liftcare.registry.ElevatorView;

/** What reporters say, in their words. */
final class DemoTexts {

    private static final String[] DOORS = {"电梯门关不上，反复开关", "关门时夹到人，关门力度很大", "厅门关闭时有撞击声",
            "电梯开门很慢，有时开一半就停"};
    private static final String[] STOPPED = {"电梯停在 %d 楼不动", "电梯不运行，按按钮没有反应", "电梯停梯，显示屏有故障代码"};
    private static final String[] NOISE = {"电梯运行时有异响", "轿厢晃动明显，有摩擦声", "开关门时有异常响声"};
    private static final String[] OTHER = {"轿厢照明不亮", "召唤按钮失灵", "轿厢内对讲打不通", "电梯平层不准，有高差"};
    private static final String[] ESCALATOR = {"扶梯突然停止运行", "扶手带有异响，速度和梯级不同步", "梯级有异响"};

    private DemoTexts() {
    }

    static String description(Symptom symptom, Channel channel, ElevatorView e, Random random) {
        String where = where(e);
        if (channel == Channel.ALARM) {
            return where + (symptom == Symptom.TRAPPED ? "监测终端报警：轿厢困人" : "监测终端报警：电梯停止运行");
        }
        if (e.type() == ElevatorType.ESCALATOR) {
            return where + pick(ESCALATOR, random);
        }
        return where + switch (symptom) {
            case TRAPPED -> "电梯困人，轿厢内 " + (1 + random.nextInt(3)) + " 人";
            case DOOR_FAULT -> pick(DOORS, random);
            case STOPPED -> pick(STOPPED, random).formatted(1 + random.nextInt(Math.max(1, e.stops())));
            case NOISE -> pick(NOISE, random);
            default -> pick(OTHER, random);
        };
    }

    /** "3幢2单元：", as reporters place an elevator. */
    static String where(ElevatorView e) {
        return Objects.toString(e.building(), "") + Objects.toString(e.unit(), "") + "：";
    }

    private static String pick(String[] texts, Random random) {
        return texts[random.nextInt(texts.length)];
    }
}
