package cn.liftcare.incidents;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.Money;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/** The parts catalogue. Anyone signed in may read it; the regulator and the platform keep the guide prices. */
@Component
public class Parts {

    static final List<String> CATEGORIES = List.of("MACHINE", "CONTROLLER", "DOORS", "CAR", "LANDING", "SUSPENSION",
            "SHAFT", "GOVERNOR", "PIT", "ESCALATOR");
    private static final String COLUMNS = "id, code, category, name_zh, name_en, brands, models, guide_price, labour_hours, "
            + "expected_life_years";

    private final JdbcClient jdbc;
    private final LiftCareTime time;

    Parts(JdbcClient jdbc, LiftCareTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    /** Parts of a category (or all), fitting a brand (or any), whose code or name holds the query. */
    public List<Part> search(String category, String brand, String query) {
        String like = "%" + (query == null ? "" : query.strip().replace("%", "\\%").replace("_", "\\_")) + "%";
        return jdbc.sql("SELECT " + COLUMNS + " FROM part WHERE (:category = '' OR category = :category) "
                        + "AND (code ILIKE :q OR name_zh ILIKE :q OR name_en ILIKE :q) ORDER BY category, code")
                .param("category", category == null ? "" : category).param("q", like)
                .query(Parts::map).list().stream()
                .filter(p -> brand == null || brand.isBlank() || p.fits(brand)).toList();
    }

    public Optional<Part> find(PartId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM part WHERE id = :id").param("id", id.value()).query(Parts::map).optional();
    }

    public Map<PartId, Part> byIds(Collection<PartId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM part WHERE id IN (:ids)")
                .param("ids", ids.stream().map(PartId::value).distinct().toList()).query(Parts::map).list().stream()
                .collect(Collectors.toMap(Part::id, Function.identity()));
    }

    /** Adds a part or updates one by its code: what the city's published guide prices change. */
    @Transactional
    public Part save(Scope scope, Part part) {
        if (!scope.hasAny(Role.ADMIN, Role.REGULATOR)) {
            throw new AccessDeniedException("role");
        }
        List<Violation> violations = new ArrayList<>();
        if (part.code() == null || !part.code().strip().matches("[A-Za-z0-9.-]{1,32}")) {
            violations.add(Violation.of("code", "part.code.format"));
        }
        if (!CATEGORIES.contains(part.category())) {
            violations.add(Violation.of("category", "part.category.unknown"));
        }
        if (part.nameZh() == null || part.nameZh().isBlank() || part.nameEn() == null || part.nameEn().isBlank()) {
            violations.add(Violation.of("nameZh", "validation.required"));
        }
        else if (part.nameZh().strip().length() > 100 || part.nameEn().strip().length() > 100) {
            violations.add(Violation.of(part.nameZh().strip().length() > 100 ? "nameZh" : "nameEn", "validation.tooLong",
                    100));
        }
        if (part.guidePrice() == null || part.guidePrice().signum() <= 0) {
            violations.add(Violation.of("guidePrice", "part.guidePrice.positive"));
        }
        if (part.labourHours() == null || part.labourHours().signum() < 0
                || part.labourHours().compareTo(BigDecimal.valueOf(200)) > 0) {
            violations.add(Violation.of("labourHours", "rule.range", 0, 200));
        }
        if (part.expectedLifeYears() < 1 || part.expectedLifeYears() > 50) {
            violations.add(Violation.of("expectedLifeYears", "rule.range", 1, 50));
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        jdbc.sql("""
                INSERT INTO part (code, category, name_zh, name_en, brands, models, guide_price, labour_hours,
                                  expected_life_years, updated_at, version)
                VALUES (:code, :category, :zh, :en, :brands, :models, :price, :hours, :life, :at, 0)
                ON CONFLICT (code) DO UPDATE SET category = :category, name_zh = :zh, name_en = :en, brands = :brands,
                    models = :models, guide_price = :price, labour_hours = :hours, expected_life_years = :life,
                    updated_at = :at, version = part.version + 1""")
                .param("code", part.code().strip()).param("category", part.category()).param("zh", part.nameZh().strip())
                .param("en", part.nameEn().strip()).param("brands", blankToAny(part.brands()))
                .param("models", blankToAny(part.models())).param("price", part.guidePrice().amount())
                .param("hours", part.labourHours()).param("life", part.expectedLifeYears())
                .param("at", Timestamp.from(time.now())).update();
        return jdbc.sql("SELECT " + COLUMNS + " FROM part WHERE code = :code").param("code", part.code().strip())
                .query(Parts::map).single();
    }

    private static String blankToAny(String value) {
        return value == null || value.isBlank() ? "*" : value.strip();
    }

    private static Part map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Part(new PartId(rs.getLong("id")), rs.getString("code"), rs.getString("category"),
                rs.getString("name_zh"), rs.getString("name_en"), rs.getString("brands"), rs.getString("models"),
                Money.of(rs.getBigDecimal("guide_price")), rs.getBigDecimal("labour_hours"),
                rs.getInt("expected_life_years"));
    }
}
