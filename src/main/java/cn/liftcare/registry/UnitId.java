package cn.liftcare.registry;

import cn.liftcare.shared.Identifier;

public record UnitId(long value) implements Identifier {
}
