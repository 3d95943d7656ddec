package cn.liftcare.quality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.incidents.IncidentFigures;
import cn.liftcare.maintenance.MaintenanceClass;
import cn.liftcare.maintenance.MaintenanceItem;
import cn.liftcare.maintenance.MaintenanceQueries;
import cn.liftcare.maintenance.VisitFigures;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.registry.ElevatorQueries;
import cn.liftcare.registry.ElevatorView;
import cn.liftcare.registry.RegistryScope;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/**
 * Third-party spot checks (抽查). The supervisor samples elevators of its region, half at random and half weighted
 * by risk (box-ticking flags and faults of the last 90 days), scores on site a checklist of the TSG T5002
 * half-monthly items of the elevator's annex, and says whether the last maintenance record matches what it finds.
 * A mismatch is a forged record, a veto item. Each check is audited and feeds the period's score.
 */
@Service
public class SpotChecks {

    static final Role[] CHECKERS = {Role.SUPERVISOR};
    static final int RISK_DAYS = 90;

    private final JdbcClient jdbc;
    private final QualityScope scopes;
    private final ElevatorQueries elevators;
    private final MaintenanceQueries maintenance;
    private final VisitFigures visits;
    private final IncidentFigures incidents;
    private final ApplicationEventPublisher events;
    private final LiftCareTime time;

    SpotChecks(JdbcClient jdbc, QualityScope scopes, ElevatorQueries elevators, MaintenanceQueries maintenance,
            VisitFigures visits, IncidentFigures incidents, ApplicationEventPublisher events, LiftCareTime time) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.elevators = elevators;
        this.maintenance = maintenance;
        this.visits = visits;
        this.incidents = incidents;
        this.events = events;
        this.time = time;
    }

    public record Sampled(long elevatorId, String registrationCode, long communityId, Long companyId, double risk,
            String sampledAs) {
    }

    /**
     * A sample of the caller's elevators in service: {@code size} in all, half drawn at random and the rest by risk
     * (weight 1 + flags + faults of the last 90 days, drawn without replacement), reproducible by its seed.
     */
    public List<Sampled> sample(Scope scope, int size, long seed) {
        requireChecker(scope);
        if (size < 1 || size > 200) {
            throw new ValidationFailedException(Violation.of("size", "quality.sample.size", 200));
        }
        RegistryScope.Predicate p = scopes.elevators(scope);
        Map<Long, Object[]> candidates = new LinkedHashMap<>();
        jdbc.sql("SELECT e.elevator_id, e.registration_code, e.community_id, e.maintenance_company_id FROM quality_elevator e "
                        + "WHERE e.in_service AND e.maintenance_company_id IS NOT NULL AND " + p.sql() + " ORDER BY e.elevator_id")
                .params(p.params())
                .query((rs, i) -> candidates.put(rs.getLong(1), new Object[] {rs.getString(2), rs.getLong(3), rs.getLong(4)}))
                .list();
        LocalDate today = time.today();
        Map<Long, Double> risk = new HashMap<>();
        visits.visits(today.minusDays(RISK_DAYS), today.plusDays(1))
                .forEach(v -> risk.merge(v.elevatorId(), (double) v.flagged(), Double::sum));
        incidents.incidents(today.minusDays(RISK_DAYS), today.plusDays(1))
                .forEach(c -> risk.merge(c.elevatorId(), (double) c.faults(), Double::sum));
        Random random = new Random(seed);
        List<Long> ids = new ArrayList<>(candidates.keySet());
        java.util.Collections.shuffle(ids, random);
        List<Sampled> sample = new ArrayList<>();
        Set<Long> taken = new java.util.HashSet<>();
        int randomCount = (size + 1) / 2;
        for (Long id : ids) {
            if (sample.size() >= randomCount) {
                break;
            }
            taken.add(id);
            sample.add(sampled(id, candidates.get(id), 1 + risk.getOrDefault(id, 0.0), "RANDOM"));
        }
        // Efraimidis–Spirakis: key u^(1/w), the largest keys win, so weight w is w times as likely
        List<Map.Entry<Long, Double>> keyed = new ArrayList<>();
        for (Long id : candidates.keySet()) {
            if (!taken.contains(id)) {
                double w = 1 + risk.getOrDefault(id, 0.0);
                keyed.add(Map.entry(id, Math.pow(random.nextDouble(), 1 / w)));
            }
        }
        keyed.sort(Map.Entry.<Long, Double>comparingByValue().reversed());
        for (Map.Entry<Long, Double> k : keyed) {
            if (sample.size() >= size) {
                break;
            }
            sample.add(sampled(k.getKey(), candidates.get(k.getKey()), 1 + risk.getOrDefault(k.getKey(), 0.0), "RISK"));
        }
        sample.sort(Comparator.comparing(Sampled::risk).reversed().thenComparing(Sampled::registrationCode));
        return sample;
    }

    private static Sampled sampled(long id, Object[] row, double risk, String as) {
        return new Sampled(id, (String) row[0], (Long) row[1], (Long) row[2], risk, as);
    }

    /** The checklist for an elevator in scope: the half-monthly items of its TSG T5002 annex. */
    public Checklist checklist(Scope scope, long elevatorId) {
        requireChecker(scope);
        ElevatorView elevator = elevator(scope, elevatorId);
        List<MaintenanceItem> items = maintenance.catalogue().cumulative(elevator.type().annex(), MaintenanceClass.HALF_MONTH);
        var last = maintenance.history(scope, elevator.id(), 1).stream().findFirst();
        return new Checklist(elevator, items, last.map(v -> v.id().value()).orElse(null),
                last.map(v -> v.finishedAt() == null ? null : LocalDate.ofInstant(v.finishedAt(), LiftCareTime.ZONE))
                        .orElse(null));
    }

    public record Checklist(ElevatorView elevator, List<MaintenanceItem> items, Long lastVisitId, LocalDate lastVisitOn) {
    }

    public record NewSpotCheck(Long elevatorId, String sampledAs, Map<String, Boolean> items, Boolean recordMatches,
            String note, String idempotencyKey) {
    }

    public record SpotCheckView(long id, long elevatorId, String registrationCode, long companyId, LocalDate checkedOn,
            String sampledAs, int itemsChecked, int itemsPassed, BigDecimal score, Long lastVisitId, boolean recordMatches,
            String note, List<String> failedItems) {
    }

    @Transactional
    public SpotCheckView record(Scope scope, NewSpotCheck check) {
        return recordOn(scope, check, time.today());
    }

    /** The same on a given day, no later than today: a check entered from the supervisor's sheet keeps its day. */
    @Transactional
    public SpotCheckView recordOn(Scope scope, NewSpotCheck check, LocalDate day) {
        requireChecker(scope);
        List<Violation> problems = new ArrayList<>();
        if (check.elevatorId() == null) {
            throw new ValidationFailedException(Violation.of("elevatorId", "quality.spotCheck.elevator"));
        }
        if (check.idempotencyKey() != null) {
            Optional<SpotCheckView> earlier = byKey(scope, check.idempotencyKey());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Checklist list = checklist(scope, check.elevatorId());
        Map<String, Boolean> items = check.items() == null ? Map.of() : check.items();
        Set<String> codes = new java.util.HashSet<>();
        list.items().forEach(i -> codes.add(i.code()));
        if (items.isEmpty()) {
            problems.add(Violation.of("items", "quality.spotCheck.items"));
        }
        for (var e : items.entrySet()) {
            if (!codes.contains(e.getKey()) || e.getValue() == null) {
                problems.add(Violation.of("items", "quality.spotCheck.item", e.getKey()));
            }
        }
        if (check.recordMatches() == null) {
            problems.add(Violation.of("recordMatches", "quality.spotCheck.recordMatches"));
        }
        else if (!check.recordMatches() && (check.note() == null || check.note().isBlank())) {
            problems.add(Violation.of("note", "quality.spotCheck.noteRequired"));
        }
        if (check.note() != null && check.note().length() > 1000) {
            problems.add(Violation.of("note", "quality.spotCheck.noteLength", 1000));
        }
        String sampledAs = check.sampledAs() == null ? "MANUAL" : check.sampledAs();
        if (!List.of("RANDOM", "RISK", "MANUAL").contains(sampledAs)) {
            problems.add(Violation.of("sampledAs", "quality.spotCheck.sampledAs"));
        }
        if (list.elevator().maintenanceCompanyId() == null) {
            problems.add(Violation.of("elevatorId", "quality.spotCheck.noCompany"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
        if (day.isAfter(time.today())) {
            throw new ValidationFailedException(Violation.of("checkedOn", "quality.spotCheck.future"));
        }
        return insert(scope, list, items, sampledAs, check, day);
    }

    private SpotCheckView insert(Scope scope, Checklist list, Map<String, Boolean> items, String sampledAs,
            NewSpotCheck check, LocalDate day) {
        int passed = (int) items.values().stream().filter(Boolean::booleanValue).count();
        BigDecimal score = BigDecimal.valueOf(passed * 100L).divide(BigDecimal.valueOf(items.size()), 2, RoundingMode.HALF_UP);
        ElevatorView e = list.elevator();
        long id = jdbc.sql("""
                INSERT INTO quality_spot_check (elevator_id, company_id, district_id, community_id, checked_on, sampled_as,
                    items_checked, items_passed, score, last_visit_id, record_matches, note, checked_by, checked_org,
                    idempotency_key, recorded_at)
                SELECT q.elevator_id, :company, q.district_id, q.community_id, :day, :as, :checked, :passed, :score, :visit,
                       :matches, :note, :by, :org, :key, :at FROM quality_elevator q WHERE q.elevator_id = :elevator
                RETURNING id""")
                .param("company", e.maintenanceCompanyId().value()).param("day", Date.valueOf(day)).param("as", sampledAs)
                .param("checked", items.size()).param("passed", passed).param("score", score)
                .param("visit", list.lastVisitId()).param("matches", check.recordMatches())
                .param("note", check.note() == null || check.note().isBlank() ? null : check.note().strip())
                .param("by", scope.userId().value()).param("org", scope.orgId()).param("key", check.idempotencyKey())
                .param("at", Timestamp.from(time.now())).param("elevator", e.id().value())
                .query(Long.class).single();
        items.forEach((code, ok) -> jdbc.sql("INSERT INTO quality_spot_check_item (spot_check_id, item_code, passed) "
                + "VALUES (:id, :code, :ok)").param("id", id).param("code", code).param("ok", ok).update());
        SpotCheckView view = find(id).orElseThrow();
        events.publishEvent(new SpotCheckRecorded(id, null, view));
        return view;
    }

    public Optional<SpotCheckView> find(Scope scope, long id) {
        RegistryScope.Predicate p = scopes.elevators(scope);
        return jdbc.sql("SELECT s.id FROM quality_spot_check s JOIN quality_elevator e ON e.elevator_id = s.elevator_id "
                        + "WHERE s.id = :id AND " + p.sql()).params(p.params()).param("id", id).query(Long.class).optional()
                .flatMap(this::find);
    }

    /** Recent spot checks within the caller's reach, newest first. */
    public List<SpotCheckView> recent(Scope scope, int limit) {
        RegistryScope.Predicate p = scopes.elevators(scope);
        return jdbc.sql("SELECT s.id FROM quality_spot_check s JOIN quality_elevator e ON e.elevator_id = s.elevator_id "
                        + "WHERE " + p.sql() + " ORDER BY s.checked_on DESC, s.id DESC LIMIT " + limit)
                .params(p.params()).query(Long.class).list().stream().map(id -> find(id).orElseThrow()).toList();
    }

    private Optional<SpotCheckView> byKey(Scope scope, String key) {
        return jdbc.sql("SELECT id FROM quality_spot_check WHERE idempotency_key = :k AND checked_org = :org")
                .param("k", key).param("org", scope.orgId()).query(Long.class).optional().flatMap(this::find);
    }

    private Optional<SpotCheckView> find(long id) {
        List<String> failed = jdbc.sql("SELECT item_code FROM quality_spot_check_item WHERE spot_check_id = :id AND NOT passed "
                + "ORDER BY item_code").param("id", id).query(String.class).list();
        return jdbc.sql("""
                SELECT s.id, s.elevator_id, e.registration_code, s.company_id, s.checked_on, s.sampled_as, s.items_checked,
                       s.items_passed, s.score, s.last_visit_id, s.record_matches, s.note
                FROM quality_spot_check s JOIN quality_elevator e ON e.elevator_id = s.elevator_id WHERE s.id = :id""")
                .param("id", id)
                .query((rs, i) -> {
                    long visit = rs.getLong(10);
                    Long lastVisit = rs.wasNull() ? null : visit;
                    return new SpotCheckView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                            rs.getObject(5, LocalDate.class), rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getBigDecimal(9),
                            lastVisit, rs.getBoolean(11), rs.getString(12), failed);
                }).optional();
    }

    private ElevatorView elevator(Scope scope, long elevatorId) {
        return elevators.find(scope, new ElevatorId(elevatorId))
                .orElseThrow(() -> new NotFoundException("elevator", String.valueOf(elevatorId)));
    }

    private static void requireChecker(Scope scope) {
        if (!scope.hasAny(CHECKERS)) {
            throw new AccessDeniedException("role");
        }
    }
}
