package cn.liftcare.policies;

import cn.liftcare.shared.AuditedChange;

/** A risk survey was recorded (before is null) or its rectification confirmed. */
public record SurveyChanged(SurveyId surveyId, SurveyView before, SurveyView after) implements AuditedChange<SurveyView> {

    @Override
    public String entityType() {
        return "risk_survey";
    }

    @Override
    public String entityId() {
        return String.valueOf(surveyId.value());
    }
}
