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

    public List<RateTable> versions() {
        return versions.all();
    }
}
