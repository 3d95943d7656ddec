package cn.liftcare.registry;

import cn.liftcare.shared.Identifier;

public record DistrictId(long value) implements Identifier {
}
