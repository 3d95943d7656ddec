package cn.liftcare.registry;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.OrganizationView;
import cn.liftcare.identity.Scope;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.Page;

/** The registry's read side: filtered, paged, scoped lists and detail views, in SQL. */
@Component
public class ElevatorQueries {

    public static final int MAX_PAGE_SIZE = 200;

    private static final String LIST_COLUMNS = """
            e.id, e.registration_code, e.emergency_code, e.type, e.brand, e.model, e.community_id,
            c.name AS community, b.name AS building, u.name AS unit, e.maintenance_company_id, e.status,
            e.commissioning_date, e.next_inspection_due""";
    private static final String LIST_FROM = """
            FROM elevator e
            JOIN community c ON c.id = e.community_id
            JOIN building_unit u ON u.id = e.unit_id
            JOIN building b ON b.id = u.building_id""";

    private static final String DETAIL_SELECT = """
            SELECT e.*, c.name AS community, b.name AS building, u.name AS unit, s.name AS street,
                   d.name AS district, d.code AS district_code
            FROM elevator e
            JOIN community c ON c.id = e.community_id
            JOIN street s ON s.id = c.street_id
            JOIN district d ON d.id = e.district_id
            JOIN building_unit u ON u.id = e.unit_id
            JOIN building b ON b.id = u.building_id""";

    private final JdbcClient jdbc;
    private final OrganizationDirectory organizations;
    private final LiftCareTime time;
    private final RegistryScope scopes;
    private final ElevatorConditions conditions;
    private final ElevatorCount count;

    ElevatorQueries(JdbcClient jdbc, OrganizationDirectory organizations, LiftCareTime time, RegistryScope scopes,
            ElevatorConditions conditions) {
        this.scopes = scopes;
        this.conditions = conditions;
        this.count = new ElevatorCount(jdbc, conditions);
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.time = time;
    }

    public Page<ElevatorSummary> list(Scope scope, ElevatorFilter filter, int page, int size) {
        int limit = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int offset = Math.max(0, page);
        RegistryScope.Predicate scoped = conditions.scope(scope);
        ElevatorConditions.Where where = conditions.forElevators(scoped, filter, time.today());
        long total = count.of(scoped, filter, time.today());
        List<ElevatorSummary> rows = new ArrayList<>();
        if (total > (long) offset * limit) {
            jdbc.sql("SELECT " + LIST_COLUMNS + " " + LIST_FROM + " WHERE " + where.sql()
                            + " ORDER BY e.registration_code LIMIT :limit OFFSET :offset")
                    .params(where.params()).param("limit", limit).param("offset", (long) offset * limit)
                    .query(this::summary).list().forEach(rows::add);
        }
        return new Page<>(named(rows), offset, limit, total);
    }

    /**
     * Every elevator matching the filter with all its facts, in one streamed query: for the export.
     * Party names are not resolved; the ids are there.
     */
    public void forEachView(Scope scope, ElevatorFilter filter, Consumer<ElevatorView> consumer) {
        ElevatorConditions.Where where = conditions.forElevators(scope, filter, time.today());
        // a streamed result holds its connection until the stream is closed
        try (Stream<ElevatorView> rows = jdbc.sql(DETAIL_SELECT + " WHERE " + where.sql() + " ORDER BY e.registration_code")
                .params(where.params())
                .withFetchSize(1_000)
                .query(this::view)
                .stream()) {
            rows.forEach(consumer);
        }
    }

    public Optional<ElevatorView> find(Scope scope, ElevatorId id) {
        RegistryScope.Predicate predicate = scopes.elevators(scope);
        return jdbc.sql(DETAIL_SELECT + " WHERE e.id = :id AND " + predicate.sql())
                .params(predicate.params()).param("id", id.value())
                .query(this::view).optional()
                .map(this::withParties);
    }

    /** The facts a resident may read on the public page behind the QR code. No scope: they are public. */
    public Optional<ElevatorView> findPublic(String registrationCode) {
        return findByCode(registrationCode).map(this::withParties);
    }

    /** The parties and district of each elevator, in one read, for modules that route news about them. No scope. */
    public java.util.List<ElevatorParties> parties(java.util.Collection<Long> elevatorIds) {
        if (elevatorIds.isEmpty()) {
            return java.util.List.of();
        }
        return jdbc.sql("""
                        SELECT e.id, d.code, e.use_unit_id, e.maintenance_company_id, c.owners_committee_id
                        FROM elevator e JOIN district d ON d.id = e.district_id JOIN community c ON c.id = e.community_id
                        WHERE e.id IN (:ids)""")
                .param("ids", elevatorIds)
                .query((rs, i) -> new ElevatorParties(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getObject(4, Long.class), rs.getObject(5, Long.class)))
                .list();
    }

    /** "3幢 1单元" for each unit id, to name the units in an elevator's history. */
    public Map<Long, String> unitNames(java.util.Collection<Long> unitIds) {
        Map<Long, String> names = new HashMap<>();
        if (!unitIds.isEmpty()) {
            jdbc.sql("SELECT u.id, c.name || ' ' || b.name || ' ' || u.name FROM building_unit u "
                            + "JOIN building b ON b.id = u.building_id JOIN community c ON c.id = u.community_id WHERE u.id IN (:ids)")
                    .param("ids", unitIds).query((rs, i) -> names.put(rs.getLong(1), rs.getString(2))).list();
        }
        return names;
    }

    /** Community names by id, to label other modules' records the caller may already see. */
    public Map<Long, String> communityNames(java.util.Collection<Long> communityIds) {
        Map<Long, String> names = new HashMap<>();
        if (!communityIds.isEmpty()) {
            jdbc.sql("SELECT id, name FROM community WHERE id IN (:ids)").param("ids", communityIds)
                    .query((rs, i) -> names.put(rs.getLong(1), rs.getString(2))).list();
        }
        return names;
    }

    /** How elevators are grouped for rates per elevator-year. */
    public enum Grouping {
        DISTRICT("district_id"), COMMUNITY("community_id"), COMPANY("maintenance_company_id");

        private final String column;

        Grouping(String column) {
            this.column = column;
        }
    }

    /** Elevators in use (not scrapped) in the caller's scope, per group, from the tally. */
    public Map<Long, Long> countInUse(Scope scope, Grouping grouping) {
        RegistryScope.Predicate predicate = scopes.elevators(scope);
        Map<Long, Long> counts = new HashMap<>();
        jdbc.sql("SELECT e." + grouping.column + ", sum(e.elevators) FROM elevator_tally e WHERE e.status <> 'SCRAPPED' "
                        + "AND e." + grouping.column + " IS NOT NULL AND " + predicate.sql() + " GROUP BY 1")
                .params(predicate.params())
                .query((rs, i) -> counts.put(rs.getLong(1), rs.getLong(2))).list();
        return counts;
    }

    /** Distinct brands within the caller's scope, for the filter. */
    public List<String> brands(Scope scope) {
        RegistryScope.Predicate predicate = scopes.elevators(scope);
        return jdbc.sql("SELECT DISTINCT e.brand FROM elevator_tally e WHERE e.elevators > 0 AND " + predicate.sql()
                        + " ORDER BY e.brand")
                .params(predicate.params()).query(String.class).list();
    }

    /** Elevators in scope (not scrapped) by type and age band, for the home page chart. */
    public Map<ElevatorType, Map<AgeBand, Long>> countByTypeAndAge(Scope scope) {
        RegistryScope.Predicate predicate = scopes.elevators(scope);
        LocalDate today = time.today();
        StringBuilder band = new StringBuilder("CASE");
        Map<String, Object> params = new HashMap<>(predicate.params());
        for (AgeBand b : AgeBand.values()) {
            LocalDate after = b.commissionedAfter(today);
            if (after != null) {
                band.append(" WHEN e.commissioning_date > :after").append(b.ordinal()).append(" THEN ").append(b.ordinal());
                params.put("after" + b.ordinal(), java.sql.Date.valueOf(after));
            }
            else {
                band.append(" ELSE ").append(b.ordinal());
            }
        }
        band.append(" END");
        Map<ElevatorType, Map<AgeBand, Long>> counts = new HashMap<>();
        jdbc.sql("SELECT e.type, " + band + " AS band, count(*) FROM elevator e WHERE " + predicate.sql()
                        + " AND e.status <> 'SCRAPPED' GROUP BY 1, 2")
                .params(params)
                .query((rs, i) -> counts.computeIfAbsent(ElevatorType.valueOf(rs.getString(1)), t -> new HashMap<>())
                        .put(AgeBand.values()[rs.getInt(2)], rs.getLong(3)))
                .list();
        return counts;
    }

    public Map<ElevatorStatus, Long> countByStatus(Scope scope) {
        RegistryScope.Predicate predicate = scopes.elevators(scope);
        Map<ElevatorStatus, Long> counts = new HashMap<>();
        jdbc.sql("SELECT e.status, sum(e.elevators) FROM elevator_tally e WHERE " + predicate.sql() + " GROUP BY e.status")
                .params(predicate.params())
                .query((rs, i) -> counts.put(ElevatorStatus.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    private Optional<ElevatorView> findByCode(String registrationCode) {
        return jdbc.sql(DETAIL_SELECT + " WHERE e.registration_code = :code")
                .param("code", registrationCode).query(this::view).optional();
    }

    private ElevatorSummary summary(ResultSet rs, int row) throws SQLException {
        LocalDate commissioned = rs.getObject("commissioning_date", LocalDate.class);
        long maintainer = rs.getLong("maintenance_company_id");
        OrganizationId maintainerId = rs.wasNull() ? null : new OrganizationId(maintainer);
        return new ElevatorSummary(new ElevatorId(rs.getLong("id")), rs.getString("registration_code"),
                rs.getString("emergency_code"), ElevatorType.valueOf(rs.getString("type")), rs.getString("brand"),
                rs.getString("model"), new CommunityId(rs.getLong("community_id")), rs.getString("community"),
                rs.getString("building"), rs.getString("unit"), maintainerId, null,
                ElevatorStatus.valueOf(rs.getString("status")), commissioned,
                Period.between(commissioned, time.today()).getYears(),
                rs.getObject("next_inspection_due", LocalDate.class));
    }

    private ElevatorView view(ResultSet rs, int row) throws SQLException {
        LocalDate commissioned = rs.getObject("commissioning_date", LocalDate.class);
        long maintainer = rs.getLong("maintenance_company_id");
        OrganizationId maintainerId = rs.wasNull() ? null : new OrganizationId(maintainer);
        int load = rs.getInt("rated_load_kg");
        Integer ratedLoad = rs.wasNull() ? null : load;
        BigDecimal speed = rs.getBigDecimal("rated_speed");
        return new ElevatorView(new ElevatorId(rs.getLong("id")), rs.getString("registration_code"),
                rs.getString("emergency_code"), ElevatorType.valueOf(rs.getString("type")), rs.getString("brand"),
                rs.getString("model"), rs.getObject("manufacture_date", LocalDate.class), commissioned,
                Period.between(commissioned, time.today()).getYears(), rs.getInt("stops"), ratedLoad, speed,
                UseCategory.valueOf(rs.getString("use_category")), rs.getString("district_code"), rs.getString("district"),
                rs.getString("street"),
                new CommunityId(rs.getLong("community_id")), rs.getString("community"), rs.getString("building"),
                rs.getString("unit"), new OrganizationId(rs.getLong("use_unit_id")), null, maintainerId, null, null,
                ElevatorStatus.valueOf(rs.getString("status")), rs.getObject("last_inspection_date", LocalDate.class),
                rs.getObject("next_inspection_due", LocalDate.class));
    }

    private List<ElevatorSummary> named(List<ElevatorSummary> rows) {
        Map<OrganizationId, OrganizationView> names = organizations.byIds(rows.stream()
                .map(ElevatorSummary::maintenanceCompanyId).filter(java.util.Objects::nonNull).distinct().toList());
        return rows.stream().map(r -> new ElevatorSummary(r.id(), r.registrationCode(), r.emergencyCode(), r.type(),
                r.brand(), r.model(), r.communityId(), r.community(), r.building(), r.unit(), r.maintenanceCompanyId(),
                r.maintenanceCompanyId() == null ? null : displayName(names.get(r.maintenanceCompanyId())), r.status(),
                r.commissioningDate(), r.ageYears(), r.nextInspectionDue())).toList();
    }

    private ElevatorView withParties(ElevatorView v) {
        List<OrganizationId> ids = new ArrayList<>();
        ids.add(v.useUnitId());
        if (v.maintenanceCompanyId() != null) {
            ids.add(v.maintenanceCompanyId());
        }
        Map<OrganizationId, OrganizationView> parties = organizations.byIds(ids);
        OrganizationView maintainer = v.maintenanceCompanyId() == null ? null : parties.get(v.maintenanceCompanyId());
        return new ElevatorView(v.id(), v.registrationCode(), v.emergencyCode(), v.type(), v.brand(), v.model(),
                v.manufactureDate(), v.commissioningDate(), v.ageYears(), v.stops(), v.ratedLoadKg(), v.ratedSpeed(),
                v.useCategory(), v.districtCode(), v.district(), v.street(), v.communityId(), v.community(), v.building(), v.unit(),
                v.useUnitId(), displayName(parties.get(v.useUnitId())), v.maintenanceCompanyId(),
                displayName(maintainer), maintainer == null ? null : maintainer.phone(), v.status(),
                v.lastInspectionDate(), v.nextInspectionDue());
    }

    private static String displayName(OrganizationView org) {
        return org == null ? null : org.name();
    }

}
