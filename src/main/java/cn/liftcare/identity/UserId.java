package cn.liftcare.identity;

import cn.liftcare.shared.Identifier;

public record UserId(long value) implements Identifier {
}
