package cn.liftcare.claims;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** The rule versions shipped with the application (resources/claims/rules-*.json); a claim keeps its version. */
@Component
public class ClaimRuleBook {

    private final List<ClaimRules> versions;

    ClaimRuleBook() {
        this(load());
    }

    ClaimRuleBook(List<ClaimRules> versions) {
        this.versions = versions.stream().sorted(Comparator.comparing(ClaimRules::effectiveFrom)).toList();
    }

    public ClaimRules inForceOn(LocalDate day) {
        ClaimRules found = null;
        for (ClaimRules v : versions) {
            if (!v.effectiveFrom().isAfter(day)) {
                found = v;
            }
        }
        if (found == null) {
            throw new IllegalStateException("no claim rules in force on " + day);
        }
        return found;
    }

    public List<ClaimRules> versions() {
        return versions;
    }

    private static List<ClaimRules> load() {
        JsonMapper json = JsonMapper.builder().build();
        try {
            return Arrays.stream(new PathMatchingResourcePatternResolver().getResources("classpath:claims/rules-*.json"))
                    .map(r -> {
                        try (InputStream in = r.getInputStream()) {
                            return json.readValue(in, ClaimRules.class);
                        }
                        catch (IOException e) {
                            throw new UncheckedIOException(r.getDescription(), e);
                        }
                    }).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
