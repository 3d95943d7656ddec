package cn.liftcare.shared.db;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the embedded PostgreSQL keeps its files when no {@code spring.datasource.url} is given.
 *
 * @param dataDirectory the cluster's folder; kept between runs unless {@code clean} is set
 * @param clean start from an empty cluster (tests use a throwaway folder)
 * @param port a fixed port, or 0 for any free one
 */
@ConfigurationProperties("liftcare.embedded-db")
public record EmbeddedPostgresProperties(Path dataDirectory, boolean clean, int port) {

    public EmbeddedPostgresProperties {
        if (dataDirectory == null) {
            dataDirectory = Path.of("data", "postgres");
        }
    }
}
