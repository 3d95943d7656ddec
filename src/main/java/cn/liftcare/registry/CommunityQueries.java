package cn.liftcare.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.OrganizationView;
import cn.liftcare.identity.Scope;
import cn.liftcare.shared.Page;

/** Communities the caller may see, with their elevator counts. */
@Component
public class CommunityQueries {

    private static final String SELECT = """
            SELECT c.id, c.name, c.address, c.built_year, c.use_unit_id, c.owners_committee_id,
                   d.name AS district, s.name AS street,
                   (SELECT count(*) FROM elevator e WHERE e.community_id = c.id) AS elevators
            FROM community c
            JOIN street s ON s.id = c.street_id
            JOIN district d ON d.id = c.district_id
            """;

    private final JdbcClient jdbc;
    private final RegistryScope scopes;
    private final OrganizationDirectory organizations;

    CommunityQueries(JdbcClient jdbc, OrganizationDirectory organizations, RegistryScope scopes) {
        this.scopes = scopes;
        this.jdbc = jdbc;
        this.organizations = organizations;
    }

    public Page<CommunitySummary> list(Scope scope, String query, int page, int size) {
        RegistryScope.Predicate predicate = scopes.communities(scope);
        Map<String, Object> params = new HashMap<>(predicate.params());
        String where = " WHERE " + predicate.sql();
        if (query != null && !query.isBlank()) {
            where += " AND c.name ILIKE :q";
            params.put("q", "%" + query.strip() + "%");
        }
        int limit = Math.max(1, Math.min(size, 500));
        long total = jdbc.sql("SELECT count(*) FROM community c" + where).params(params).query(Long.class).single();
        List<CommunitySummary> items = jdbc.sql(SELECT + where + " ORDER BY c.name LIMIT :limit OFFSET :offset")
                .params(params).param("limit", limit).param("offset", (long) Math.max(0, page) * limit)
                .query(CommunityQueries::map).list();
        return new Page<>(named(items), Math.max(0, page), limit, total);
    }

    public Optional<CommunitySummary> find(Scope scope, CommunityId id) {
        RegistryScope.Predicate predicate = scopes.communities(scope);
        return jdbc.sql(SELECT + " WHERE c.id = :id AND " + predicate.sql()).params(predicate.params())
                .param("id", id.value()).query(CommunityQueries::map).optional()
                .map(c -> named(List.of(c)).get(0));
    }

    /** Every community in scope, for pickers; a district has hundreds, not millions. */
    public List<CommunitySummary> all(Scope scope) {
        return list(scope, null, 0, 500).items();
    }

    private List<CommunitySummary> named(List<CommunitySummary> rows) {
        Map<OrganizationId, OrganizationView> names = organizations.byIds(rows.stream()
                .flatMap(r -> Stream.of(r.useUnitId(), r.ownersCommitteeId())).filter(Objects::nonNull).distinct().toList());
        return rows.stream().map(r -> new CommunitySummary(r.id(), r.name(), r.address(), r.district(), r.street(),
                r.builtYear(), r.useUnitId(), name(names, r.useUnitId()), r.ownersCommitteeId(),
                name(names, r.ownersCommitteeId()), r.elevators())).toList();
    }

    private static String name(Map<OrganizationId, OrganizationView> names, OrganizationId id) {
        return id == null || !names.containsKey(id) ? null : names.get(id).name();
    }

    private static CommunitySummary map(ResultSet rs, int row) throws SQLException {
        long useUnit = rs.getLong("use_unit_id");
        OrganizationId useUnitId = rs.wasNull() ? null : new OrganizationId(useUnit);
        long owners = rs.getLong("owners_committee_id");
        OrganizationId ownersId = rs.wasNull() ? null : new OrganizationId(owners);
        int built = rs.getInt("built_year");
        Integer builtYear = rs.wasNull() ? null : built;
        return new CommunitySummary(new CommunityId(rs.getLong("id")), rs.getString("name"), rs.getString("address"),
                rs.getString("district"), rs.getString("street"), builtYear, useUnitId, null, ownersId, null,
                rs.getLong("elevators"));
    }
}
