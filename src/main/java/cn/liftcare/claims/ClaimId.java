package cn.liftcare.claims;

import cn.liftcare.shared.Identifier;

public record ClaimId(long value) implements Identifier {
}
