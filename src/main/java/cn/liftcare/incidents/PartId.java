package cn.liftcare.incidents;

import cn.liftcare.shared.Identifier;

public record PartId(long value) implements Identifier {
}
