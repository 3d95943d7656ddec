package cn.liftcare.policies;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The rate table versions shipped with the application (resources/policies/rate-table-*.json); the one in
 * force on a date is the latest that took effect by then. A quote names the version it used.
 */
@Component
public class RateTables {

    private final List<RateTable> versions;

    RateTables() {
        this(load());
    }

    RateTables(List<RateTable> versions) {
        this.versions = versions.stream().sorted(Comparator.comparing(RateTable::effectiveFrom)).toList();
    }

    public RateTable inForceOn(LocalDate day) {
        RateTable found = null;
        for (RateTable table : versions) {
            if (!table.effectiveFrom().isAfter(day)) {
                found = table;
            }
        }
        if (found == null) {
            throw new IllegalStateException("no rate table in force on " + day);
        }
        return found;
    }

    public List<RateTable> versions() {
        return versions;
    }

    static List<RateTable> load() {
        JsonMapper json = JsonMapper.builder().build();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath:policies/rate-table-*.json");
            return java.util.Arrays.stream(resources).map(r -> {
                try (InputStream in = r.getInputStream()) {
                    return json.readValue(in, RateTable.class);
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
