package cn.liftcare.maintenance;

import cn.liftcare.shared.Identifier;

public record InspectionId(long value) implements Identifier {
}
