package cn.liftcare.incidents;

import cn.liftcare.shared.Identifier;

public record IncidentId(long value) implements Identifier {
}
