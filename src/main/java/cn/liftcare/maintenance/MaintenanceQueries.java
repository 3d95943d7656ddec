package cn.liftcare.maintenance;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.Scope;
import cn.liftcare.identity.UserId;
import cn.liftcare.registry.CommunityId;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.registry.RegistryScope;
import cn.liftcare.shared.LiftCareTime;

/** Maintenance's read side: overdue lists, on-time rates, boards and histories, all scoped in SQL. */
@Component
public class MaintenanceQueries {

    /**
     * The day of an elevator's last completed visit: the newest entry of its (elevator_id, finished_at) index that
     * is completed, rather than the maximum over all its visits (a city's 225,000 elevators carry years of them).
     */
    private static final String LAST_VISIT = """
            LEFT JOIN LATERAL (SELECT (mv.finished_at AT TIME ZONE 'Asia/Shanghai')::date AS last
                               FROM maintenance_visit mv
                               WHERE mv.elevator_id = e.elevator_id AND mv.status IN ('SUBMITTED', 'CONFIRMED')
                                 AND mv.finished_at IS NOT NULL
                               ORDER BY mv.finished_at DESC LIMIT 1) lv ON TRUE
            """;

    private final JdbcClient jdbc;
    private final RegistryScope scopes;
    private final PlanLookup lookup;
    private final MaintenanceCatalogue catalogue;
    private final LiftCareTime time;

    MaintenanceQueries(JdbcClient jdbc, RegistryScope scopes, PlanLookup lookup, MaintenanceCatalogue catalogue,
            LiftCareTime time) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.lookup = lookup;
        this.catalogue = catalogue;
        this.time = time;
    }

    /** Those of the elevators that carry a monitoring device (an on-demand plan's 物联网监测装置). */
    public java.util.Set<ElevatorId> monitored(java.util.Collection<ElevatorId> elevators) {
        if (elevators.isEmpty()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(jdbc.sql("SELECT elevator_id FROM maintenance_plan WHERE monitoring_device IS NOT NULL "
                        + "AND elevator_id IN (:ids)")
                .param("ids", elevators.stream().map(ElevatorId::value).toList())
                .query((rs, i) -> new ElevatorId(rs.getLong(1))).list());
    }

    /**
     * What a repair need came from, as evidence for a claim: the maintenance item and whether the visit that
     * raised it was checked in on site with the car's code; or the inspection that demanded rectification, and
     * whether a maintainer has checked in on site with the car's code since it was raised.
     */
    public record RepairNeedEvidence(long repairNeedId, Long visitId, Long inspectionId, String itemCode,
            boolean checkedIn) {
    }

    public java.util.Optional<RepairNeedEvidence> repairNeedEvidence(long repairNeedId) {
        return jdbc.sql("""
                SELECT n.id, n.visit_id, n.inspection_id, n.item_code,
                       CASE WHEN n.visit_id IS NOT NULL THEN coalesce(v.check_in_valid, FALSE)
                            ELSE EXISTS (SELECT 1 FROM maintenance_visit w WHERE w.elevator_id = n.elevator_id
                                         AND w.check_in_valid AND w.check_in_at >= n.raised_at) END
                FROM repair_need n LEFT JOIN maintenance_visit v ON v.id = n.visit_id WHERE n.id = :id""")
                .param("id", repairNeedId)
                .query((rs, i) -> new RepairNeedEvidence(rs.getLong(1), rs.getObject(2, Long.class),
                        rs.getObject(3, Long.class), rs.getString(4), rs.getBoolean(5)))
                .optional();
    }

    /** 超期未保: elevators in service whose last completed visit is older than their plan allows. */
    public List<Overdue> overdue(Scope scope) {
        RegistryScope.Predicate predicate = scopes.elevators(scope);
        LocalDate today = time.today();
        // the NOT EXISTS only drops elevators visited within their interval (not overdue whatever came before), so
        // that the last visit is looked up for the few left rather than for every elevator in scope
        return jdbc.sql("SELECT e.elevator_id, e.registration_code, e.maintenance_company_id, e.community_id, "
                        + "e.max_interval_days, coalesce(lv.last, e.starts_on) AS since, lv.last FROM maintenance_plan e "
                        + LAST_VISIT + " WHERE e.elevator_status = 'IN_SERVICE' AND " + predicate.sql()
                        + " AND coalesce(lv.last, e.starts_on) + e.max_interval_days < :today"
                        + " AND NOT EXISTS (SELECT 1 FROM maintenance_visit r WHERE r.elevator_id = e.elevator_id"
                        + " AND r.status IN ('SUBMITTED', 'CONFIRMED')"
                        + " AND r.finished_at >= (CAST(:today AS date) - e.max_interval_days)::timestamp AT TIME ZONE 'Asia/Shanghai')"
                        + " ORDER BY since, e.registration_code")
                .params(predicate.params()).param("today", Date.valueOf(today))
                .query((rs, i) -> {
                    LocalDate since = rs.getObject("since", LocalDate.class);
                    long company = rs.getLong("maintenance_company_id");
                    return new Overdue(new ElevatorId(rs.getLong("elevator_id")), rs.getString("registration_code"),
                            rs.wasNull() ? null : new OrganizationId(company), new CommunityId(rs.getLong("community_id")),
                            rs.getObject("last", LocalDate.class), rs.getInt("max_interval_days"),
                            java.time.temporal.ChronoUnit.DAYS.between(since.plusDays(rs.getInt("max_interval_days")), today));
                }).list();
    }

    public record Overdue(ElevatorId elevatorId, String registrationCode, OrganizationId companyId, CommunityId communityId,
            LocalDate lastVisit, int maxIntervalDays, long daysOverdue) {
    }

    /**
     * The on-time rate of each company for a month: visits whose gap from the elevator's previous visit
     * kept within the plan's interval, over all visits of the month plus the elevators left overdue at its end.
     * A previous visit counts if it was within 90 days before the month. Only the month's visits are read and
     * windowed; the previous visit of an elevator's first one in the month is looked up by index, as is the last
     * visit within the interval before the month's end (rather than windowing or aggregating four months of visits
     * of every elevator in scope, which at a city's scale took seconds a month). The month's visits are read per
     * elevator in scope ({@code OFFSET 0} keeps the lateral join from being flattened): a plan cached for the
     * statement once PostgreSQL switches to a generic one otherwise read the whole city's month of visits (480,000)
     * by time for a company with 4,000 elevators.
     */
    public List<OnTimeRate> onTimeRate(Scope scope, YearMonth month) {
        RegistryScope.Predicate predicate = scopes.elevators(scope);
        LocalDate from = month.atDay(1);
        LocalDate to = month.plusMonths(1).atDay(1);
        LocalDate cutoff = to.isAfter(time.today()) ? time.today().plusDays(1) : to;
        Map<Long, long[]> byCompany = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT gaps.company_id, count(*) AS visits,
                       count(*) FILTER (WHERE coalesce(gaps.previous, before.day) IS NULL
                                          OR gaps.day - coalesce(gaps.previous, before.day) <= gaps.max_interval_days) AS on_time
                FROM (SELECT v.elevator_id, v.company_id, e.max_interval_days, v.day,
                             lag(v.day) OVER (PARTITION BY v.elevator_id ORDER BY v.finished_at) AS previous,
                             row_number() OVER (PARTITION BY v.elevator_id ORDER BY v.finished_at) AS n
                      FROM maintenance_plan e
                      JOIN LATERAL (SELECT mv.elevator_id, mv.company_id, mv.finished_at,
                                           (mv.finished_at AT TIME ZONE 'Asia/Shanghai')::date AS day
                                    FROM maintenance_visit mv
                                    WHERE mv.elevator_id = e.elevator_id AND mv.status IN ('SUBMITTED', 'CONFIRMED')
                                      AND mv.correction_of IS NULL AND mv.finished_at >= :from AND mv.finished_at < :cutoff
                                    OFFSET 0) v ON TRUE
                      WHERE """ + " " + predicate.sql() + """
                     ) gaps
                LEFT JOIN LATERAL (SELECT (p.finished_at AT TIME ZONE 'Asia/Shanghai')::date AS day
                                   FROM maintenance_visit p
                                   WHERE gaps.n = 1 AND p.elevator_id = gaps.elevator_id
                                     AND p.status IN ('SUBMITTED', 'CONFIRMED') AND p.correction_of IS NULL
                                     AND p.finished_at < :from AND p.finished_at >= :lookback
                                   ORDER BY p.finished_at DESC LIMIT 1) before ON TRUE
                GROUP BY gaps.company_id""")
                .params(predicate.params()).param("cutoff", Timestamp.from(atStart(cutoff)))
                .param("lookback", Timestamp.from(atStart(from.minusDays(90))))
                .param("from", Timestamp.from(atStart(from)))
                .query((rs, i) -> byCompany.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), 0})).list();
        // overdue at the month's end: the last completed visit before it (else the plan's start) plus the interval
        // falls before its last day; i.e. no completed visit within the interval before the end, and some visit
        // before it or a plan started long enough ago
        jdbc.sql("""
                SELECT e.maintenance_company_id, count(*) FROM maintenance_plan e
                WHERE e.elevator_status = 'IN_SERVICE' AND e.maintenance_company_id IS NOT NULL AND e.starts_on < :to
                  AND NOT EXISTS (SELECT 1 FROM maintenance_visit mv
                                  WHERE mv.elevator_id = e.elevator_id AND mv.status IN ('SUBMITTED', 'CONFIRMED')
                                    AND mv.finished_at < :cutoff
                                    AND mv.finished_at >= (CAST(:cutoffDay AS date) - e.max_interval_days)::timestamp
                                        AT TIME ZONE 'Asia/Shanghai')
                  AND (e.starts_on + e.max_interval_days < :cutoffDay
                       OR EXISTS (SELECT 1 FROM maintenance_visit mv WHERE mv.elevator_id = e.elevator_id
                                  AND mv.status IN ('SUBMITTED', 'CONFIRMED') AND mv.finished_at < :cutoff))
                  AND """ + " " + predicate.sql() + """

                GROUP BY e.maintenance_company_id""")
                .params(predicate.params()).param("cutoff", Timestamp.from(atStart(cutoff)))
                .param("cutoffDay", Date.valueOf(cutoff.minusDays(1))).param("to", Date.valueOf(to))
                .query((rs, i) -> byCompany.computeIfAbsent(rs.getLong(1), k -> new long[3])[2] = rs.getLong(2)).list();
        List<OnTimeRate> rates = new ArrayList<>();
        byCompany.forEach((company, n) -> rates.add(new OnTimeRate(new OrganizationId(company), month, n[0], n[1], n[2])));
        rates.sort(java.util.Comparator.comparing(OnTimeRate::rate).reversed());
        return rates;
    }

    public record OnTimeRate(OrganizationId companyId, YearMonth month, long visits, long onTime, long overdueAtEnd) {

        /** On-time visits over what was due: the month's visits and the elevators it left overdue. */
        public double rate() {
            long due = visits + overdueAtEnd;
            return due == 0 ? 1.0 : (double) onTime / due;
        }
    }

    /** What a company must do: for each of its elevators, when the next visit is due and of which class. */
    public List<BoardRow> board(Scope scope) {
        RegistryScope.Predicate predicate = scopes.elevators(scope);
        List<ElevatorPlanRow> rows = jdbc.sql("SELECT " + PlanLookup.COLUMNS + " FROM maintenance_plan e WHERE "
                        + "e.elevator_status = 'IN_SERVICE' AND " + predicate.sql() + " ORDER BY e.registration_code")
                .params(predicate.params()).query(PlanLookup::row).list();
        Map<Long, Map<MaintenanceClass, LocalDate>> last = new HashMap<>();
        Map<Long, PlannedVisit> planned = new HashMap<>();
        if (!rows.isEmpty()) {
            List<Long> ids = rows.stream().map(r -> r.elevatorId().value()).toList();
            jdbc.sql("""
                    SELECT elevator_id, visit_class, max((finished_at AT TIME ZONE 'Asia/Shanghai')::date)
                    FROM maintenance_visit WHERE elevator_id IN (:ids) AND status IN ('SUBMITTED', 'CONFIRMED')
                    GROUP BY 1, 2""").param("ids", ids)
                    .query((rs, i) -> last.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(MaintenanceClass.class))
                            .put(MaintenanceClass.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class))).list();
            jdbc.sql("""
                    SELECT DISTINCT ON (elevator_id) elevator_id, id, planned_on, maintainer_id, status
                    FROM maintenance_visit WHERE elevator_id IN (:ids) AND status IN ('PLANNED', 'CHECKED_IN')
                    ORDER BY elevator_id, planned_on""").param("ids", ids)
                    .query((rs, i) -> {
                        long maintainer = rs.getLong(4);
                        return planned.put(rs.getLong(1), new PlannedVisit(new VisitId(rs.getLong(2)),
                                rs.getObject(3, LocalDate.class), rs.wasNull() ? null : new UserId(maintainer),
                                VisitStatus.valueOf(rs.getString(5))));
                    }).list();
        }
        LocalDate today = time.today();
        List<BoardRow> board = new ArrayList<>();
        for (ElevatorPlanRow row : rows) {
            MaintenanceSchedule schedule = new MaintenanceSchedule(last.getOrDefault(row.elevatorId().value(), Map.of()),
                    row.startsOn(), row.maxIntervalDays());
            LocalDate due = schedule.nextVisitDue();
            board.add(new BoardRow(row, schedule.lastVisit().orElse(null), due,
                    schedule.classFor(due.isBefore(today) ? today : due), schedule.isOverdue(today),
                    planned.get(row.elevatorId().value())));
        }
        board.sort(java.util.Comparator.comparing(BoardRow::nextDue));
        return board;
    }

    public record BoardRow(ElevatorPlanRow elevator, LocalDate lastVisit, LocalDate nextDue, MaintenanceClass classDue,
            boolean overdue, PlannedVisit planned) {
    }

    public record PlannedVisit(VisitId id, LocalDate plannedOn, UserId maintainerId, VisitStatus status) {
    }

    /** A maintainer's open visits around today, for the phone page. */
    public List<VisitRow> myVisits(Scope scope) {
        LocalDate today = time.today();
        return visitRows("v.maintainer_id = :me AND v.status IN ('PLANNED', 'CHECKED_IN') AND v.planned_on <= :until",
                Map.of("me", scope.userId().value(), "until", Date.valueOf(today.plusDays(1))), "v.planned_on, v.id", 100);
    }

    /** Records waiting for the use unit's confirmation, within the caller's scope. */
    public List<VisitRow> awaitingConfirmation(Scope scope) {
        RegistryScope.Predicate predicate = scopes.elevators(scope);
        Map<String, Object> params = new HashMap<>(predicate.params());
        return visitRows("v.status = 'SUBMITTED' AND v.elevator_id IN (SELECT e.elevator_id FROM maintenance_plan e WHERE "
                + predicate.sql() + ")", params, "v.submitted_at", 500);
    }

    /** An elevator's visits, newest first; empty when the elevator is not in scope. */
    public List<VisitRow> history(Scope scope, ElevatorId elevator, int limit) {
        if (lookup.find(scope, elevator).isEmpty()) {
            return List.of();
        }
        return visitRows("v.elevator_id = :elevator", Map.of("elevator", elevator.value()),
                "coalesce(v.finished_at, v.created_at) DESC, v.id DESC", limit);
    }

    public Optional<VisitRow> visit(Scope scope, VisitId id) {
        RegistryScope.Predicate predicate = scopes.elevators(scope);
        Map<String, Object> params = new HashMap<>(predicate.params());
        params.put("visit", id.value());
        return visitRows("v.id = :visit AND v.elevator_id IN (SELECT e.elevator_id FROM maintenance_plan e WHERE "
                + predicate.sql() + ")", params, "v.id", 1).stream().findFirst();
    }

    /** The flags raised in a period, within scope, newest first. */
    public List<FlagRow> flags(Scope scope, LocalDate from, LocalDate to) {
        RegistryScope.Predicate predicate = scopes.elevators(scope);
        return jdbc.sql("""
                SELECT f.visit_id, f.flag, f.evidence, f.raised_at, v.elevator_id, e.registration_code, v.company_id,
                       v.maintainer_id, v.visit_class
                FROM visit_flag f JOIN maintenance_visit v ON v.id = f.visit_id
                JOIN maintenance_plan e ON e.elevator_id = v.elevator_id
                WHERE f.raised_at >= :from AND f.raised_at < :to AND """ + " " + predicate.sql() + " ORDER BY f.raised_at DESC LIMIT 1000")
                .params(predicate.params()).param("from", Timestamp.from(atStart(from)))
                .param("to", Timestamp.from(atStart(to.plusDays(1))))
                .query((rs, i) -> {
                    long maintainer = rs.getLong("maintainer_id");
                    return new FlagRow(new VisitId(rs.getLong("visit_id")), VisitFlag.valueOf(rs.getString("flag")),
                            List.of(rs.getString("evidence").split("\u001f", -1)), rs.getTimestamp("raised_at").toInstant(),
                            new ElevatorId(rs.getLong("elevator_id")), rs.getString("registration_code"),
                            new OrganizationId(rs.getLong("company_id")), rs.wasNull() ? null : new UserId(maintainer),
                            MaintenanceClass.valueOf(rs.getString("visit_class")));
                }).list();
    }

    public record FlagRow(VisitId visitId, VisitFlag flag, List<String> evidence, Instant raisedAt, ElevatorId elevatorId,
            String registrationCode, OrganizationId companyId, UserId maintainerId, MaintenanceClass visitClass) {
    }

    /**
     * Inspections and self-tests recorded in [from, to) on elevators in scope, and how many of them passed at the
     * first attempt (PASS, not PASS_AFTER_RECTIFICATION or FAIL).
     */
    public InspectionTally inspectionResults(Scope scope, LocalDate from, LocalDate to) {
        RegistryScope.Predicate predicate = scopes.elevators(scope);
        return jdbc.sql("SELECT count(*), count(*) FILTER (WHERE i.result = 'PASS') FROM inspection i "
                        + "JOIN maintenance_plan e ON e.elevator_id = i.elevator_id "
                        + "WHERE i.inspected_on >= :from AND i.inspected_on < :to AND " + predicate.sql())
                .params(predicate.params()).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, i) -> new InspectionTally(rs.getLong(1), rs.getLong(2))).single();
    }

    public record InspectionTally(long inspections, long passedFirstTime) {
    }

    /** Elevators in service whose periodic inspection or self-test is overdue. */
    public List<InspectionOverdue> inspectionsOverdue(Scope scope) {
        RegistryScope.Predicate predicate = scopes.elevators(scope);
        return jdbc.sql("SELECT e.elevator_id, e.registration_code, e.maintenance_company_id, e.next_inspection_due, "
                        + "e.commissioning_date FROM maintenance_plan e WHERE e.elevator_status = 'IN_SERVICE' "
                        + "AND e.next_inspection_due < :today AND " + predicate.sql() + " ORDER BY e.next_inspection_due")
                .params(predicate.params()).param("today", Date.valueOf(time.today()))
                .query((rs, i) -> {
                    long company = rs.getLong(3);
                    LocalDate due = rs.getObject(4, LocalDate.class);
                    return new InspectionOverdue(new ElevatorId(rs.getLong(1)), rs.getString(2),
                            rs.wasNull() ? null : new OrganizationId(company), due,
                            InspectionRules.kindDue(rs.getObject(5, LocalDate.class), due));
                }).list();
    }

    public record InspectionOverdue(ElevatorId elevatorId, String registrationCode, OrganizationId companyId,
            LocalDate due, InspectionKind kindDue) {
    }

    /** An elevator's inspections and self-tests, newest first. */
    public List<Inspection.InspectionView> inspections(Scope scope, ElevatorId elevator) {
        if (lookup.find(scope, elevator).isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, elevator_id, kind, inspected_on, result, body_id, recorded_by, rectification, next_due
                FROM inspection WHERE elevator_id = :id ORDER BY inspected_on DESC, id DESC""")
                .param("id", elevator.value())
                .query((rs, i) -> new Inspection.InspectionView(new InspectionId(rs.getLong(1)), new ElevatorId(rs.getLong(2)),
                        InspectionKind.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class),
                        InspectionResult.valueOf(rs.getString(5)), new OrganizationId(rs.getLong(6)),
                        new cn.liftcare.identity.UserId(rs.getLong(7)), rs.getString(8), rs.getObject(9, LocalDate.class)))
                .list();
    }

    /** The schedule of one elevator in scope: last visit, next due, class due. */
    public Optional<MaintenanceSchedule> schedule(Scope scope, ElevatorId elevator) {
        return lookup.find(scope, elevator).map(lookup::schedule);
    }

    public Optional<ElevatorPlanRow> plan(Scope scope, ElevatorId elevator) {
        return lookup.find(scope, elevator);
    }

    /** The last completed visit of an elevator by its registration code, for the public page. */
    public Optional<LocalDate> lastVisitOf(String registrationCode) {
        return lookup.byCode(registrationCode).flatMap(row -> lookup.schedule(row).lastVisit());
    }

    public MaintenanceCatalogue catalogue() {
        return catalogue;
    }

    private List<VisitRow> visitRows(String where, Map<String, ?> params, String order, int limit) {
        return jdbc.sql("""
                SELECT v.id, v.elevator_id, e.registration_code, v.company_id, v.community_id, v.maintainer_id,
                       v.visit_class, v.planned_on, v.status, v.check_in_at, v.check_in_valid, v.started_at, v.finished_at,
                       v.submitted_at, v.confirmed_at, v.confirmed_by_type, v.correction_of, v.correction_reason,
                       v.due_items, v.checklist,
                       (SELECT string_agg(f.flag, ',' ORDER BY f.flag) FROM visit_flag f WHERE f.visit_id = v.id) AS flags
                FROM maintenance_visit v JOIN maintenance_plan e ON e.elevator_id = v.elevator_id
                WHERE """ + " " + where + " ORDER BY " + order + " LIMIT " + limit)
                .params(params)
                .query((rs, i) -> {
                    long maintainer = rs.getLong("maintainer_id");
                    UserId maintainerId = rs.wasNull() ? null : new UserId(maintainer);
                    long correction = rs.getLong("correction_of");
                    VisitId correctionOf = rs.wasNull() ? null : new VisitId(correction);
                    String flags = rs.getString("flags");
                    return new VisitRow(new VisitId(rs.getLong("id")), new ElevatorId(rs.getLong("elevator_id")),
                            rs.getString("registration_code"), new OrganizationId(rs.getLong("company_id")),
                            new CommunityId(rs.getLong("community_id")), maintainerId,
                            MaintenanceClass.valueOf(rs.getString("visit_class")), rs.getObject("planned_on", LocalDate.class),
                            VisitStatus.valueOf(rs.getString("status")), instant(rs.getTimestamp("check_in_at")),
                            (Boolean) rs.getObject("check_in_valid"), instant(rs.getTimestamp("started_at")),
                            instant(rs.getTimestamp("finished_at")), instant(rs.getTimestamp("submitted_at")),
                            instant(rs.getTimestamp("confirmed_at")), rs.getString("confirmed_by_type"), correctionOf,
                            rs.getString("correction_reason"), List.of(rs.getString("due_items").split(",")),
                            Checklist.fromJson(rs.getString("checklist")),
                            flags == null ? List.of() : java.util.Arrays.stream(flags.split(",")).map(VisitFlag::valueOf).toList());
                }).list();
    }

    public record VisitRow(VisitId id, ElevatorId elevatorId, String registrationCode, OrganizationId companyId,
            CommunityId communityId, UserId maintainerId, MaintenanceClass visitClass, LocalDate plannedOn,
            VisitStatus status, Instant checkInAt, Boolean checkInValid, Instant startedAt, Instant finishedAt,
            Instant submittedAt, Instant confirmedAt, String confirmedByType, VisitId correctionOf,
            String correctionReason, List<String> dueItems, List<ChecklistEntry> entries, List<VisitFlag> flags) {

        public long minutes() {
            return startedAt == null || finishedAt == null ? 0 : java.time.Duration.between(startedAt, finishedAt).toMinutes();
        }

        public long abnormal() {
            return entries.stream().filter(e -> e.result() == ItemResult.ABNORMAL).count();
        }
    }

    private static Instant atStart(LocalDate day) {
        return day.atStartOfDay(LiftCareTime.ZONE).toInstant();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
