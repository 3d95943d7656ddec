package cn.liftcare.registry;

import cn.liftcare.shared.Identifier;

public record ElevatorId(long value) implements Identifier {
}
