package cn.liftcare.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liftcare.shared.Page;

/**
 * The organisations a caller may see: the platform sees all; every other party sees the organisations
 * of its own region (the directory of who's who) and itself.
 */
@Component
public class OrganizationDirectory {

    private static final String COLUMNS = "o.id, o.type, o.name, o.short_name, o.credit_code, o.licence_no, "
            + "o.region_code, o.phone, o.address";

    private final JdbcClient jdbc;

    OrganizationDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page<OrganizationView> list(Scope scope, OrganizationType type, String query, int page, int size) {
        String where = " WHERE " + scopePredicate(scope)
                + (type == null ? "" : " AND o.type = :type")
                + (query == null || query.isBlank() ? "" : " AND (o.name ILIKE :q OR o.short_name ILIKE :q OR o.credit_code = :code)");
        JdbcClient.StatementSpec count = bind(jdbc.sql("SELECT count(*) FROM organization o" + where), scope, type, query);
        long total = count.query(Long.class).single();
        List<OrganizationView> items = bind(jdbc.sql("SELECT " + COLUMNS + " FROM organization o" + where
                + " ORDER BY o.type, o.name LIMIT :limit OFFSET :offset"), scope, type, query)
                .param("limit", size).param("offset", (long) page * size)
                .query(OrganizationDirectory::map).list();
        return new Page<>(items, page, size, total);
    }

    public Optional<OrganizationView> find(Scope scope, OrganizationId id) {
        return bind(jdbc.sql("SELECT " + COLUMNS + " FROM organization o WHERE o.id = :id AND " + scopePredicate(scope)),
                scope, null, null).param("id", id.value()).query(OrganizationDirectory::map).optional();
    }

    /** All organisations of one type visible to the caller, for pickers and filters. */
    public List<OrganizationView> ofType(Scope scope, OrganizationType type) {
        return bind(jdbc.sql("SELECT " + COLUMNS + " FROM organization o WHERE o.type = :type AND "
                + scopePredicate(scope) + " ORDER BY o.name"), scope, type, null)
                .query(OrganizationDirectory::map).list();
    }

    /**
     * Organisations by id, without scope: for naming the parties of records the caller may already see
     * (an elevator's maintenance company, say).
     */
    public Map<OrganizationId, OrganizationView> byIds(Collection<OrganizationId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<OrganizationId, OrganizationView> found = new HashMap<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM organization o WHERE o.id IN (:ids)")
                .param("ids", ids.stream().map(OrganizationId::value).distinct().toList())
                .query(OrganizationDirectory::map).list()
                .forEach(v -> found.put(v.id(), v));
        return found;
    }

    private static String scopePredicate(Scope scope) {
        return scope.reach() == Scope.Reach.ALL ? "TRUE" : "(o.region_code LIKE :region OR o.id = :self)";
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Scope scope, OrganizationType type,
            String query) {
        if (scope.reach() != Scope.Reach.ALL) {
            spec = spec.param("region", scope.region().likePattern()).param("self", scope.orgId());
        }
        if (type != null) {
            spec = spec.param("type", type.name());
        }
        if (query != null && !query.isBlank()) {
            spec = spec.param("q", "%" + query.strip() + "%").param("code", CreditCode.normalise(query));
        }
        return spec;
    }

    static OrganizationView map(ResultSet rs, int row) throws SQLException {
        return new OrganizationView(new OrganizationId(rs.getLong("id")), OrganizationType.valueOf(rs.getString("type")),
                rs.getString("name"), rs.getString("short_name"), rs.getString("credit_code"),
                rs.getString("licence_no"), rs.getString("region_code"), rs.getString("phone"), rs.getString("address"));
    }
}
