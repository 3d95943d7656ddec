package cn.liftcare.policies;

import org.springframework.data.relational.core.mapping.Table;

@Table("risk_survey_photo")
public record SurveyPhotoRef(long photoId) {
}
