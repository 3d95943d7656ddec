package cn.liftcare.policies;

import cn.liftcare.shared.Identifier;

public record SurveyId(long value) implements Identifier {
}
