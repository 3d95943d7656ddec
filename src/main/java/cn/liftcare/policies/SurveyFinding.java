package cn.liftcare.policies;

import org.springframework.data.relational.core.mapping.Table;

@Table("risk_survey_item")
public record SurveyFinding(SurveyItem item, SurveyItem.Result result, String note) {
}
