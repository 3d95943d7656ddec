package cn.liftcare.policies;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.registry.ElevatorRegistry;
import cn.liftcare.registry.ElevatorSnapshot;
import cn.liftcare.registry.RegistryScope;
import cn.liftcare.shared.IdSequences;
import cn.liftcare.shared.Images;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.Sha256;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/**
 * Risk surveys: the supervisor records them, with photos, and confirms rectification. A survey counts for
 * binding when it is the elevator's latest, it passes, and it is less than a year older than the term's
 * start; for an elevator renewed without a gap, its latest survey only has to pass.
 */
@Service
public class SurveyWork {

    static final int VALID_DAYS = 365;

    private final RiskSurveys surveys;
    private final ElevatorRegistry registry;
    private final RegistryScope registryScope;
    private final JdbcClient jdbc;
    private final IdSequences ids;
    private final LiftCareTime time;

    SurveyWork(RiskSurveys surveys, ElevatorRegistry registry, RegistryScope registryScope, JdbcClient jdbc,
            IdSequences ids, LiftCareTime time) {
        this.surveys = surveys;
        this.registry = registry;
        this.registryScope = registryScope;
        this.jdbc = jdbc;
        this.ids = ids;
        this.time = time;
    }

    public record NewSurvey(Long elevatorId, LocalDate surveyedOn, SurveyOutcome outcome, List<SurveyFinding> items,
            String note, String rectification, List<Long> photoIds) {
    }

    @Transactional
    public SurveyView record(Scope scope, NewSurvey input) {
        PolicyScope.require(scope, Role.SUPERVISOR);
        ElevatorSnapshot elevator = registry.find(scope, new ElevatorId(input.elevatorId() == null ? -1 : input.elevatorId()))
                .orElseThrow(() -> new NotFoundException("elevator", input.elevatorId()));
        LocalDate today = time.today();
        LocalDate on = input.surveyedOn() == null ? today : input.surveyedOn();
        if (on.isAfter(today)) {
            throw new ValidationFailedException(Violation.of("surveyedOn", "validation.date.future"));
        }
        Set<Long> photos = new HashSet<>(input.photoIds() == null ? List.of() : input.photoIds());
        if (!photos.isEmpty() && ownPhotos(scope, photos) != photos.size()) {
            throw new ValidationFailedException(Violation.of("photoIds", "survey.photoUnknown"));
        }
        RiskSurvey survey = RiskSurvey.record(new SurveyId(ids.next("risk_survey")),
                new RiskSurvey.Subject(elevator.id(), elevator.districtId(), elevator.communityId(), elevator.useUnitId()),
                scope.organizationId(), scope.userId(), on, input.outcome(),
                input.items() == null ? List.of() : input.items(), input.note(), input.rectification(), photos,
                time.now());
        return surveys.save(survey).view();
    }

    @Transactional
    public SurveyView confirmRectified(Scope scope, SurveyId id, LocalDate on) {
        PolicyScope.require(scope, Role.SUPERVISOR);
        RiskSurvey survey = visible(scope, id);
        LocalDate day = on == null ? time.today() : on;
        if (day.isAfter(time.today())) {
            throw new ValidationFailedException(Violation.of("rectifiedOn", "validation.date.future"));
        }
        survey.confirmRectified(scope.userId(), day);
        return surveys.save(survey).view();
    }

    public SurveyView find(Scope scope, SurveyId id) {
        PolicyScope.require(scope, PolicyScope.POLICY_READERS);
        return visible(scope, id).view();
    }

    /** The latest surveys of elevators in scope, newest first. */
    public List<SurveyView> recent(Scope scope, int limit) {
        RegistryScope.Predicate predicate = registryScope.elevators(scope);
        List<SurveyId> ids = jdbc.sql("SELECT s.id FROM risk_survey s JOIN elevator e ON e.id = s.elevator_id WHERE "
                        + predicate.sql() + " ORDER BY s.surveyed_on DESC, s.id DESC LIMIT :limit")
                .params(predicate.params()).param("limit", Math.max(1, Math.min(limit, 200)))
                .query(Long.class).list().stream().map(SurveyId::new).toList();
        java.util.Map<SurveyId, SurveyView> found = new java.util.HashMap<>();
        surveys.findAllById(ids).forEach(s -> found.put(s.id(), s.view()));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    private RiskSurvey visible(Scope scope, SurveyId id) {
        RiskSurvey survey = surveys.findById(id).orElseThrow(() -> new NotFoundException("survey", id.value()));
        if (!registry.inScope(scope, survey.elevatorId())) {
            throw new NotFoundException("survey", id.value());
        }
        return survey;
    }

    @Transactional
    public long uploadPhoto(Scope scope, byte[] bytes) {
        PolicyScope.require(scope, Role.SUPERVISOR);
        String type = Images.check("file", bytes);
        return jdbc.sql("""
                INSERT INTO survey_photo (org_id, uploaded_by, content_type, bytes, sha256, uploaded_at)
                VALUES (:org, :user, :type, :bytes, :sha, :at) RETURNING id""")
                .param("org", scope.orgId()).param("user", scope.userId().value()).param("type", type)
                .param("bytes", bytes).param("sha", Sha256.hex(bytes)).param("at", Timestamp.from(time.now()))
                .query(Long.class).single();
    }

    /** A photo of a survey the caller may see, as content type and bytes. */
    public Images.Stored photo(Scope scope, long photoId) {
        Long elevator = jdbc.sql("""
                SELECT s.elevator_id FROM risk_survey_photo rp JOIN risk_survey s ON s.id = rp.risk_survey_id
                WHERE rp.photo_id = :id LIMIT 1""").param("id", photoId).query(Long.class).optional().orElse(null);
        boolean own = jdbc.sql("SELECT count(*) FROM survey_photo WHERE id = :id AND org_id = :org")
                .param("id", photoId).param("org", scope.orgId()).query(Integer.class).single() > 0;
        if (!own && (elevator == null || !registry.inScope(scope, new ElevatorId(elevator)))) {
            throw new NotFoundException("photo", photoId);
        }
        return jdbc.sql("SELECT content_type, bytes FROM survey_photo WHERE id = :id").param("id", photoId)
                .query((rs, i) -> new Images.Stored(rs.getString(1), rs.getBytes(2))).single();
    }

    private int ownPhotos(Scope scope, Set<Long> photos) {
        return jdbc.sql("SELECT count(*) FROM survey_photo WHERE org_id = :org AND id IN (:ids)")
                .param("org", scope.orgId()).param("ids", photos).query(Integer.class).single();
    }

    /** The elevators whose surveys allow binding a term starting on {@code termStart}. */
    Set<ElevatorId> passed(Collection<ElevatorId> elevators, LocalDate termStart, Set<ElevatorId> renewing) {
        if (elevators.isEmpty()) {
            return Set.of();
        }
        Set<ElevatorId> passed = new HashSet<>();
        jdbc.sql("""
                SELECT DISTINCT ON (elevator_id) elevator_id, surveyed_on, outcome, rectified_on
                FROM risk_survey WHERE elevator_id IN (:ids) ORDER BY elevator_id, surveyed_on DESC, id DESC""")
                .param("ids", elevators.stream().map(ElevatorId::value).toList())
                .query((rs, i) -> {
                    ElevatorId elevator = new ElevatorId(rs.getLong(1));
                    LocalDate on = rs.getObject(2, LocalDate.class);
                    String outcome = rs.getString(3);
                    boolean passing = "PASS".equals(outcome) || "RECTIFY".equals(outcome) && rs.getObject(4) != null;
                    boolean recent = on.isAfter(termStart.minusDays(VALID_DAYS));
                    if (passing && (recent || renewing.contains(elevator))) {
                        passed.add(elevator);
                    }
                    return elevator;
                }).list();
        return passed;
    }

    /** The latest survey of each elevator, for schedules and survey queues. */
    public java.util.Map<Long, SurveyView> latest(Collection<Long> elevatorIds) {
        java.util.Map<Long, SurveyView> latest = new java.util.HashMap<>();
        if (elevatorIds.isEmpty()) {
            return latest;
        }
        List<Long> surveyIds = jdbc.sql("""
                SELECT DISTINCT ON (elevator_id) id FROM risk_survey WHERE elevator_id IN (:ids)
                ORDER BY elevator_id, surveyed_on DESC, id DESC""").param("ids", elevatorIds).query(Long.class).list();
        surveys.findAllById(surveyIds.stream().map(SurveyId::new).toList())
                .forEach(s -> latest.put(s.elevatorId().value(), s.view()));
        return latest;
    }
}
