package cn.liftcare.policies;

public enum SurveyOutcome {
    PASS,
    /** Pass once the listed defects are put right (整改后通过). */
    RECTIFY,
    DECLINE
}
