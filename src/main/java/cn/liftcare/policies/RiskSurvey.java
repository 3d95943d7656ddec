package cn.liftcare.policies;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.UserId;
import cn.liftcare.registry.CommunityId;
import cn.liftcare.registry.DistrictId;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/**
 * The third-party supervisor's risk survey (风险查勘) of one elevator before it is insured: every item
 * looked at, photos of what was found, and the outcome. A defect rules out a plain pass; a survey that
 * asks for rectification passes once the supervisor confirms the work.
 */
@Table("risk_survey")
public class RiskSurvey extends AbstractAggregateRoot<RiskSurvey> {

    @Id
    private final SurveyId id;
    private final ElevatorId elevatorId;
    private final DistrictId districtId;
    private final CommunityId communityId;
    private final OrganizationId useUnitId;
    private final OrganizationId supervisorId;
    private final UserId surveyedBy;
    private final LocalDate surveyedOn;
    private final SurveyOutcome outcome;
    private final String note;
    private final String rectification;
    private LocalDate rectifiedOn;
    private UserId rectifiedBy;
    private final Instant recordedAt;
    @MappedCollection(idColumn = "risk_survey_id", keyColumn = "line")
    private final List<SurveyFinding> items;
    @MappedCollection(idColumn = "risk_survey_id")
    private final Set<SurveyPhotoRef> photos;
    @Version
    private Integer version;

    @PersistenceCreator
    RiskSurvey(SurveyId id, ElevatorId elevatorId, DistrictId districtId, CommunityId communityId,
            OrganizationId useUnitId, OrganizationId supervisorId, UserId surveyedBy, LocalDate surveyedOn,
            SurveyOutcome outcome, String note, String rectification, LocalDate rectifiedOn, UserId rectifiedBy,
            Instant recordedAt, List<SurveyFinding> items, Set<SurveyPhotoRef> photos, Integer version) {
        this.id = id;
        this.elevatorId = elevatorId;
        this.districtId = districtId;
        this.communityId = communityId;
        this.useUnitId = useUnitId;
        this.supervisorId = supervisorId;
        this.surveyedBy = surveyedBy;
        this.surveyedOn = surveyedOn;
        this.outcome = outcome;
        this.note = note;
        this.rectification = rectification;
        this.rectifiedOn = rectifiedOn;
        this.rectifiedBy = rectifiedBy;
        this.recordedAt = recordedAt;
        this.items = new ArrayList<>(items);
        this.photos = new LinkedHashSet<>(photos);
        this.version = version;
    }

    public record Subject(ElevatorId elevatorId, DistrictId districtId, CommunityId communityId,
            OrganizationId useUnitId) {
    }

    static RiskSurvey record(SurveyId id, Subject subject, OrganizationId supervisor, UserId by, LocalDate on,
            SurveyOutcome outcome, List<SurveyFinding> items, String note, String rectification, Set<Long> photoIds,
            Instant at) {
        List<Violation> violations = new ArrayList<>();
        if (outcome == null) {
            violations.add(Violation.of("outcome", "validation.required"));
        }
        Set<SurveyItem> seen = EnumSet.noneOf(SurveyItem.class);
        boolean defects = false;
        for (int i = 0; i < items.size(); i++) {
            SurveyFinding f = items.get(i);
            if (f == null || f.item() == null || f.result() == null || !seen.add(f.item())) {
                violations.add(Violation.of("items[" + i + "]", "survey.item"));
                continue;
            }
            if (f.note() != null && f.note().length() > 300) {
                violations.add(Violation.of("items[" + i + "].note", "validation.tooLong", 300));
            }
            defects |= f.result() != SurveyItem.Result.OK;
            if (f.result() != SurveyItem.Result.OK && (f.note() == null || f.note().isBlank())) {
                violations.add(Violation.of("items[" + i + "].note", "survey.defectNote"));
            }
        }
        if (violations.isEmpty() && seen.size() != SurveyItem.values().length) {
            violations.add(Violation.of("items", "survey.items", SurveyItem.values().length));
        }
        if (outcome == SurveyOutcome.PASS && defects) {
            violations.add(Violation.of("outcome", "survey.passWithDefects"));
        }
        boolean rectify = outcome == SurveyOutcome.RECTIFY;
        if (rectify && (rectification == null || rectification.isBlank())) {
            violations.add(Violation.of("rectification", "survey.rectificationRequired"));
        }
        if (outcome != null && outcome != SurveyOutcome.PASS && photoIds.isEmpty()) {
            violations.add(Violation.of("photoIds", "survey.photosRequired"));
        }
        if (note != null && note.length() > 1000 || rectification != null && rectification.length() > 1000) {
            violations.add(Violation.of("note", "validation.tooLong", 1000));
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        Set<SurveyPhotoRef> photos = new LinkedHashSet<>();
        photoIds.forEach(p -> photos.add(new SurveyPhotoRef(p)));
        RiskSurvey survey = new RiskSurvey(id, subject.elevatorId(), subject.districtId(), subject.communityId(),
                subject.useUnitId(), supervisor, by, on, outcome, blankToNull(note),
                rectify ? rectification.strip() : null, null, null, at, items, photos, null);
        survey.registerEvent(new SurveyChanged(id, null, survey.view()));
        return survey;
    }

    void confirmRectified(UserId by, LocalDate on) {
        if (outcome != SurveyOutcome.RECTIFY) {
            throw new RuleViolationException("nothing-to-rectify", "survey.nothingToRectify");
        }
        if (rectifiedOn != null) {
            throw new RuleViolationException("already-rectified", "survey.alreadyRectified", rectifiedOn);
        }
        if (on.isBefore(surveyedOn)) {
            throw new RuleViolationException("before-survey", "survey.rectifiedBeforeSurvey", surveyedOn)
                    .with("field", "rectifiedOn");
        }
        SurveyView before = view();
        rectifiedOn = on;
        rectifiedBy = by;
        registerEvent(new SurveyChanged(id, before, view()));
    }

    /** A pass, or a rectification that has been confirmed. */
    public boolean passing() {
        return outcome == SurveyOutcome.PASS || outcome == SurveyOutcome.RECTIFY && rectifiedOn != null;
    }

    public SurveyView view() {
        return new SurveyView(id.value(), elevatorId.value(), communityId.value(), useUnitId.value(),
                supervisorId.value(), surveyedBy.value(), surveyedOn, outcome, note, rectification, rectifiedOn,
                passing(), List.copyOf(items), photos.stream().map(SurveyPhotoRef::photoId).sorted().toList());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public SurveyId id() {
        return id;
    }

    public ElevatorId elevatorId() {
        return elevatorId;
    }

    public LocalDate surveyedOn() {
        return surveyedOn;
    }

    public SurveyOutcome outcome() {
        return outcome;
    }
}
