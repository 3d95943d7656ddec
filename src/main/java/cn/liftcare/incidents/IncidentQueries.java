package cn.liftcare.incidents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.OrganizationView;
import cn.liftcare.identity.Scope;
import cn.liftcare.registry.ElevatorQueries;
import cn.liftcare.registry.RegistryScope;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.Page;

/** The read side of incidents: boards, lists, timelines, the resident's tracking view. All scoped in SQL. */
@Component
public class IncidentQueries {

    private static final String COLUMNS = """
            e.id, e.elevator_id, e.registration_code, e.community_id, e.type, e.status, e.channel, e.report_count,
            e.reported_at, e.accepted_at, e.arrived_at, e.restored_at, e.maintenance_company_id, e.rescue_company_id,
            e.escalated_at, e.accept_minutes, e.arrival_minutes, e.escalate_percent, e.restore_minutes""";

    private final JdbcClient jdbc;
    private final IncidentScope scopes;
    private final Timeline timeline;
    private final ElevatorQueries elevators;
    private final OrganizationDirectory organizations;
    private final LiftCareTime time;

    IncidentQueries(JdbcClient jdbc, IncidentScope scopes, Timeline timeline, ElevatorQueries elevators,
            OrganizationDirectory organizations, LiftCareTime time) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.timeline = timeline;
        this.elevators = elevators;
        this.organizations = organizations;
        this.time = time;
    }

    /** What a list may be narrowed to; nulls mean "any". {@code open} keeps those still needing someone. */
    public record Filter(IncidentStatus status, IncidentType type, Boolean open, Long elevatorId, Boolean breached) {
        public static Filter openOnly() {
            return new Filter(null, null, true, null, null);
        }
    }

    public Page<IncidentRow> list(Scope scope, Filter filter, int page, int size) {
        RegistryScope.Predicate predicate = scopes.incidents(scope);
        StringBuilder where = new StringBuilder(" WHERE ").append(predicate.sql());
        Map<String, Object> params = new HashMap<>(predicate.params());
        if (filter.status() != null) {
            where.append(" AND e.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.type() != null) {
            where.append(" AND e.type = :type");
            params.put("type", filter.type().name());
        }
        if (Boolean.TRUE.equals(filter.open())) {
            where.append(" AND e.status NOT IN ('RESTORED', 'CONFIRMED', 'FALSE_ALARM')");
        }
        if (filter.elevatorId() != null) {
            where.append(" AND e.elevator_id = :elevator");
            params.put("elevator", filter.elevatorId());
        }
        if (Boolean.TRUE.equals(filter.breached())) {
            where.append(" AND EXISTS (SELECT 1 FROM incident_breach b WHERE b.incident_id = e.id)");
        }
        int limit = Math.min(Math.max(size, 1), 200);
        long total = jdbc.sql("SELECT count(*) FROM incident e" + where).params(params).query(Long.class).single();
        List<IncidentRow> rows = jdbc.sql("SELECT " + COLUMNS + " FROM incident e" + where
                        + " ORDER BY (e.status IN ('RESTORED', 'CONFIRMED', 'FALSE_ALARM')), e.type = 'ENTRAPMENT' DESC, "
                        + "e.reported_at DESC, e.id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", limit).param("offset", (long) Math.max(page, 0) * limit)
                .query(this::row).list();
        return new Page<>(named(rows), Math.max(page, 0), limit, total);
    }

    public Optional<IncidentDetail> detail(Scope scope, IncidentId id) {
        RegistryScope.Predicate predicate = scopes.incidents(scope);
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident e WHERE e.id = :id AND " + predicate.sql())
                .params(predicate.params()).param("id", id.value()).query(this::row).optional()
                .map(row -> new IncidentDetail(named(List.of(row)).get(0), description(id), timeline.of(id), reports(id),
                        repairOrder(id), breaches(id)));
    }

    /**
     * What a claim needs to know of an incident: its kind, when it was reported, and whether the maintainer's
     * arrival was proven with the car's signed code. Not scoped: the claims module checks its own scope.
     */
    /**
     * What an incident proves for a claim: its elevator and type, the arrival (verified when the maintainer
     * checked in with the car's signed code), the release, and whether the repair done for it was photographed
     * before and after.
     */
    public record Evidence(long incidentId, long elevatorId, IncidentType type, Instant reportedAt, Instant arrivedAt,
            boolean arrivalVerified, Instant releasedAt, boolean beforePhoto, boolean afterPhoto) {
    }

    public Optional<Evidence> evidence(IncidentId id) {
        return jdbc.sql("""
                SELECT i.id, i.elevator_id, i.type, i.reported_at, i.arrived_at, i.arrival_token_hash IS NOT NULL,
                       i.released_at, r.before_photo_id IS NOT NULL, r.after_photo_id IS NOT NULL
                FROM incident i LEFT JOIN repair_order r ON r.incident_id = i.id WHERE i.id = :id""")
                .param("id", id.value())
                .query((rs, i) -> new Evidence(rs.getLong(1), rs.getLong(2), IncidentType.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                        rs.getBoolean(6), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
                        rs.getBoolean(8), rs.getBoolean(9)))
                .optional();
    }

    public record IncidentDetail(IncidentRow incident, String description, List<Timeline.Entry> timeline,
            List<ReportLine> reports, Long repairOrderId, List<String> breaches) {
    }

    /** A report as staff see it: with the reporter's phone, so they can call back. */
    public record ReportLine(long id, Channel channel, Symptom symptom, String description, String phone,
            boolean hasPhoto, String faultCode, Instant reportedAt) {
    }

    /** What a resident's tracking link shows: progress, without anybody's name or number. */
    public record Tracking(long incidentId, String registrationCode, IncidentType type, IncidentStatus status,
            int reportCount, Instant reportedAt, List<TrackingStep> steps) {
    }

    public record TrackingStep(Step step, Instant at) {
    }

    public Optional<Tracking> tracking(String token) {
        if (token == null || token.length() > 64) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT i.id, i.registration_code, i.type, i.status, i.report_count, i.reported_at FROM incident_report r
                JOIN incident i ON i.id = r.incident_id WHERE r.tracking_token = :token""")
                .param("token", token)
                .query((rs, n) -> new Tracking(rs.getLong(1), rs.getString(2), IncidentType.valueOf(rs.getString(3)),
                        IncidentStatus.valueOf(rs.getString(4)), rs.getInt(5), rs.getTimestamp(6).toInstant(),
                        timeline.of(new IncidentId(rs.getLong(1))).stream()
                                .filter(e -> e.step().ordinal() <= Step.FALSE_ALARM.ordinal()
                                        && e.step() != Step.REASSIGNED)
                                .map(e -> new TrackingStep(e.step(), e.at())).toList()))
                .optional();
    }

    /** A photo a resident attached, for those who may see the incident. */
    public Optional<Photo> reportPhoto(Scope scope, long reportId) {
        RegistryScope.Predicate predicate = scopes.incidents(scope);
        return jdbc.sql("SELECT r.photo_type, r.photo FROM incident_report r JOIN incident e ON e.id = r.incident_id "
                        + "WHERE r.id = :id AND r.photo IS NOT NULL AND " + predicate.sql())
                .params(predicate.params()).param("id", reportId)
                .query((rs, n) -> new Photo(rs.getString(1), rs.getBytes(2))).optional();
    }

    public record Photo(String contentType, byte[] bytes) {
    }

    /** The repair orders the caller may see, open ones first. */
    public List<RepairOrderRow> repairOrders(Scope scope, boolean openOnly) {
        RegistryScope.Predicate predicate = scopes.byCompanyColumn(scope, "company_id");
        return jdbc.sql("SELECT e.id, e.elevator_id, e.incident_id, e.repair_need_id, e.status, e.description, e.opened_at, "
                        + "e.completed_at FROM repair_order e WHERE " + predicate.sql()
                        + (openOnly ? " AND e.status = 'OPEN'" : "") + " ORDER BY e.status = 'COMPLETED', e.opened_at DESC LIMIT 200")
                .params(predicate.params())
                .query((rs, n) -> new RepairOrderRow(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3),
                        (Long) rs.getObject(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()))
                .list();
    }

    public record RepairOrderRow(long id, long elevatorId, Long incidentId, Long repairNeedId, String status,
            String description, Instant openedAt, Instant completedAt) {
    }

    private IncidentRow row(ResultSet rs, int n) throws SQLException {
        IncidentType type = IncidentType.valueOf(rs.getString("type"));
        IncidentStatus status = IncidentStatus.valueOf(rs.getString("status"));
        ResponseClock.Facts facts = new ResponseClock.Facts(type, status, instant(rs, "reported_at"),
                instant(rs, "accepted_at"), instant(rs, "arrived_at"), instant(rs, "restored_at"),
                new ResponseLimits(rs.getInt("accept_minutes"), rs.getInt("arrival_minutes"),
                        rs.getInt("escalate_percent"), rs.getInt("restore_minutes")));
        return new IncidentRow(rs.getLong("id"), rs.getLong("elevator_id"), rs.getString("registration_code"),
                rs.getLong("community_id"), null, type, status, Channel.valueOf(rs.getString("channel")),
                rs.getInt("report_count"), facts.reportedAt(), (Long) rs.getObject("maintenance_company_id"), null,
                (Long) rs.getObject("rescue_company_id"), null, instant(rs, "escalated_at"),
                ResponseClock.assess(facts, time.now()));
    }

    private List<IncidentRow> named(List<IncidentRow> rows) {
        Set<OrganizationId> orgs = new HashSet<>();
        Set<Long> communities = new HashSet<>();
        for (IncidentRow r : rows) {
            communities.add(r.communityId());
            if (r.maintenanceCompanyId() != null) {
                orgs.add(new OrganizationId(r.maintenanceCompanyId()));
            }
            if (r.rescueCompanyId() != null) {
                orgs.add(new OrganizationId(r.rescueCompanyId()));
            }
        }
        Map<OrganizationId, OrganizationView> names = organizations.byIds(orgs);
        Map<Long, String> communityNames = elevators.communityNames(communities);
        List<IncidentRow> named = new ArrayList<>();
        for (IncidentRow r : rows) {
            named.add(new IncidentRow(r.id(), r.elevatorId(), r.registrationCode(), r.communityId(),
                    communityNames.get(r.communityId()), r.type(), r.status(), r.channel(), r.reportCount(),
                    r.reportedAt(), r.maintenanceCompanyId(), name(names, r.maintenanceCompanyId()), r.rescueCompanyId(),
                    name(names, r.rescueCompanyId()), r.escalatedAt(), r.limits()));
        }
        return named;
    }

    private static String name(Map<OrganizationId, OrganizationView> names, Long id) {
        OrganizationView view = id == null ? null : names.get(new OrganizationId(id));
        return view == null ? null : view.displayName();
    }

    private String description(IncidentId id) {
        return jdbc.sql("SELECT description FROM incident WHERE id = :id").param("id", id.value())
                .query(String.class).optional().orElse(null);
    }

    private List<ReportLine> reports(IncidentId id) {
        return jdbc.sql("""
                SELECT id, channel, symptom, description, phone, photo IS NOT NULL, fault_code, reported_at
                FROM incident_report WHERE incident_id = :id ORDER BY id""")
                .param("id", id.value())
                .query((rs, n) -> new ReportLine(rs.getLong(1), Channel.valueOf(rs.getString(2)),
                        Symptom.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getBoolean(6),
                        rs.getString(7), rs.getTimestamp(8).toInstant()))
                .list();
    }

    private Long repairOrder(IncidentId id) {
        return jdbc.sql("SELECT id FROM repair_order WHERE incident_id = :id").param("id", id.value())
                .query(Long.class).optional().orElse(null);
    }

    private List<String> breaches(IncidentId id) {
        return jdbc.sql("SELECT kind FROM incident_breach WHERE incident_id = :id ORDER BY detected_at")
                .param("id", id.value()).query(String.class).list();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    static Timestamp start(YearMonth month) {
        return Timestamp.from(month.atDay(1).atStartOfDay(LiftCareTime.ZONE).toInstant());
    }
}
