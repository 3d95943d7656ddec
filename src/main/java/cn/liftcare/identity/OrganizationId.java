package cn.liftcare.identity;

import cn.liftcare.shared.Identifier;

public record OrganizationId(long value) implements Identifier {
}
