package cn.liftcare.registry;

import cn.liftcare.shared.Identifier;

public record BuildingId(long value) implements Identifier {
}
