package cn.liftcare.quality;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;
import tools.jackson.databind.json.JsonMapper;

/**
 * The standards: those shipped with the application (resources/quality/standard-*.json) and those a regulator or
 * insurer published since (kept as JSON, append-only). A period is scored under the version in force on its
 * first day; a closed period keeps the version it was scored under.
 */
@Component
public class StandardBook {

    static final Role[] PUBLISHERS = {Role.REGULATOR, Role.UNDERWRITER, Role.ADMIN};

    private final JdbcClient jdbc;
    private final LiftCareTime time;
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Standard> shipped;

    StandardBook(JdbcClient jdbc, LiftCareTime time) {
        this.jdbc = jdbc;
        this.time = time;
        this.shipped = load(json);
    }

    public List<Standard> versions() {
        List<Standard> all = new ArrayList<>(shipped);
        jdbc.sql("SELECT definition FROM quality_standard ORDER BY effective_from, published_at")
                .query((rs, i) -> json.readValue(rs.getString(1), Standard.class)).list().forEach(all::add);
        all.sort(Comparator.comparing(Standard::effectiveFrom).thenComparing(s -> shipped.contains(s) ? 0 : 1));
        return all;
    }

    public Standard inForceOn(LocalDate day) {
        Standard found = null;
        for (Standard s : versions()) {
            if (!s.effectiveFrom().isAfter(day)) {
                found = s;
            }
        }
        if (found == null) {
            throw new IllegalStateException("no quality standard in force on " + day);
        }
        return found;
    }

    public Optional<Standard> version(String version) {
        return versions().stream().filter(s -> s.version().equals(version)).findFirst();
    }

    public String toJson(Standard standard) {
        return json.writeValueAsString(standard);
    }

    public Standard fromJson(String text) {
        try {
            return json.readValue(text, Standard.class);
        }
        catch (RuntimeException e) {
            throw new ValidationFailedException(Violation.of("definition", "quality.standard.json"));
        }
    }

    /**
     * Publishes a new version: it must be valid, carry a version not used before and take effect no earlier than
     * today, so no score already computed changes its meaning.
     */
    @Transactional
    public Standard publish(Scope scope, Standard standard) {
        if (!scope.hasAny(PUBLISHERS)) {
            throw new AccessDeniedException("role");
        }
        List<Violation> problems = new ArrayList<>(standard.problems());
        if (standard.effectiveFrom() != null && standard.effectiveFrom().isBefore(time.today())) {
            problems.add(Violation.of("effectiveFrom", "quality.standard.past"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
        if (version(standard.version()).isPresent()) {
            throw new RuleViolationException("standard-version-exists", "quality.standard.exists", standard.version());
        }
        jdbc.sql("""
                INSERT INTO quality_standard (version, effective_from, definition, published_by, published_org, published_at)
                VALUES (:version, :from, :definition, :by, :org, :at)""")
                .param("version", standard.version()).param("from", standard.effectiveFrom())
                .param("definition", toJson(standard)).param("by", scope.userId().value())
                .param("org", scope.orgId()).param("at", Timestamp.from(time.now())).update();
        return standard;
    }

    private static List<Standard> load(JsonMapper json) {
        try {
            return Arrays.stream(new PathMatchingResourcePatternResolver().getResources("classpath:quality/standard-*.json"))
                    .map(r -> {
                        try (InputStream in = r.getInputStream()) {
                            return json.readValue(in, Standard.class);
                        }
                        catch (IOException e) {
                            throw new UncheckedIOException(r.getDescription(), e);
                        }
                    }).sorted(Comparator.comparing(Standard::effectiveFrom)).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
