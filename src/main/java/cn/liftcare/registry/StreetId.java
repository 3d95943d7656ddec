package cn.liftcare.registry;

import cn.liftcare.shared.Identifier;

public record StreetId(long value) implements Identifier {
}
