package cn.liftcare.registry;

import cn.liftcare.shared.Identifier;

public record CommunityId(long value) implements Identifier {
}
