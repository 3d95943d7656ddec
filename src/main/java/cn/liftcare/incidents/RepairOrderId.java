package cn.liftcare.incidents;

import cn.liftcare.shared.Identifier;

public record RepairOrderId(long value) implements Identifier {
}
