package cn.liftcare.maintenance;

import cn.liftcare.shared.Identifier;

public record VisitId(long value) implements Identifier {
}
