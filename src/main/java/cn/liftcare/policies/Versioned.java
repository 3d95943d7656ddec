package cn.liftcare.policies;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import tools.jackson.databind.json.JsonMapper;

/**
 * Versions of product data, each in force from its date: the one in force on a day is the latest that took
 * effect by then. Records written under a version keep it.
 */
final class Versioned<T> {

    private final List<T> versions;
    private final Function<T, LocalDate> effectiveFrom;

    Versioned(List<T> versions, Function<T, LocalDate> effectiveFrom) {
        this.versions = versions.stream().sorted(Comparator.comparing(effectiveFrom)).toList();
        this.effectiveFrom = effectiveFrom;
    }

    T inForceOn(LocalDate day) {
        T found = null;
        for (T version : versions) {
            if (!effectiveFrom.apply(version).isAfter(day)) {
                found = version;
            }
        }
        if (found == null) {
            throw new IllegalStateException("no version in force on " + day);
        }
        return found;
    }

    List<T> all() {
        return versions;
    }

    /** Every classpath resource matching the pattern, read as JSON. */
    static <T> List<T> load(String pattern, Class<T> type) {
        JsonMapper json = JsonMapper.builder().build();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(pattern);
            return Arrays.stream(resources).map(r -> {
                try (InputStream in = r.getInputStream()) {
                    return json.readValue(in, type);
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
