package cn.liftcare.policies;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

/** The rate table versions shipped with the application (resources/policies/rate-table-*.json). */
@Component
public class RateTables {

    private final Versioned<RateTable> versions;

    RateTables() {
        this(Versioned.load("classpath:policies/rate-table-*.json", RateTable.class));
    }

    RateTables(List<RateTable> versions) {
        this.versions = new Versioned<>(versions, RateTable::effectiveFrom);
    }

    public RateTable inForceOn(LocalDate day) {
        return versions.inForceOn(day);
    }

    /** The version a policy was written under. */
    public RateTable version(String version) {
        return versions.all().stream().filter(v -> v.version().equals(version)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no ratetable version " + version));
    }

    public List<RateTable> versions() {
        return versions.all();
    }
}
