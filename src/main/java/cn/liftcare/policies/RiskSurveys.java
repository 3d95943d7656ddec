package cn.liftcare.policies;

import org.springframework.data.repository.ListCrudRepository;

interface RiskSurveys extends ListCrudRepository<RiskSurvey, SurveyId> {
}
