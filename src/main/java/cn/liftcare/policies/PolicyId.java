package cn.liftcare.policies;

import cn.liftcare.shared.Identifier;

public record PolicyId(long value) implements Identifier {
}
