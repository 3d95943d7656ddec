package cn.liftcare.pension;

import cn.liftcare.shared.Identifier;

public record PensionCaseId(long value) implements Identifier {
}
