package cn.liftcare.policies;

import java.time.LocalDate;
import java.util.List;

public record SurveyView(long id, long elevatorId, long communityId, long useUnitId, long supervisorId,
        long surveyedBy, LocalDate surveyedOn, SurveyOutcome outcome, String note, String rectification,
        LocalDate rectifiedOn, boolean passing, List<SurveyFinding> items, List<Long> photoIds) {
}
