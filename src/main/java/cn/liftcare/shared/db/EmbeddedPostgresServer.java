package cn.liftcare.shared.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded cluster per data folder and JVM. Application contexts that share a folder (test contexts
 * do) share the server; it stops when the last of them closes, after their connection pools, so nothing
 * talks to a database that is going away.
 */
public final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<Path, EmbeddedPostgresServer> RUNNING = new ConcurrentHashMap<>();

    private final Path folder;
    private final EmbeddedPostgres postgres;
    private final AtomicInteger users = new AtomicInteger();

    private EmbeddedPostgresServer(Path folder, EmbeddedPostgres postgres) {
        this.folder = folder;
        this.postgres = postgres;
    }

    static synchronized EmbeddedPostgresServer obtain(EmbeddedPostgresProperties properties) {
        Path folder = properties.dataDirectory().toAbsolutePath().normalize();
        EmbeddedPostgresServer server = RUNNING.computeIfAbsent(folder, f -> start(f, properties));
        server.users.incrementAndGet();
        return server;
    }

    /** Called as the application context closes; the last user stops the server. */
    synchronized void release() {
        if (users.decrementAndGet() == 0) {
            RUNNING.remove(folder);
            stop();
        }
    }

    private static EmbeddedPostgresServer start(Path folder, EmbeddedPostgresProperties properties) {
        try {
            Files.createDirectories(folder.getParent());
            refuseIfInUse(folder);
            long started = System.nanoTime();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(folder)
                    .setCleanDataDirectory(properties.clean())
                    .setRegisterShutdownHook(false)
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("max_connections", "100");
            if (properties.port() > 0) {
                builder.setPort(properties.port());
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL started on port {} with data in {} ({} ms)", postgres.getPort(), folder,
                    (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedPostgresServer(folder, postgres);
        }
        catch (IOException | RuntimeException e) {
            throw new EmbeddedDatabaseUnavailableException(folder, e);
        }
    }

    static {
        // a safety net for a context nobody closes: give the contexts' own shutdown time to release first
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!RUNNING.isEmpty() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(100);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            RUNNING.values().forEach(EmbeddedPostgresServer::stop);
        }, "embedded-postgres-safety-stop"));
    }

    /**
     * A PostgreSQL still running on the folder belongs to another LiftCare (or one that was killed without
     * stopping it): say so, rather than failing deep inside pg_ctl.
     */
    private static void refuseIfInUse(Path folder) throws IOException {
        Path pidFile = folder.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
        if (first.matches("\\d+") && ProcessHandle.of(Long.parseLong(first)).map(ProcessHandle::isAlive).orElse(false)) {
            throw new IOException("PostgreSQL (pid " + first + ") is already running on " + folder
                    + ": another LiftCare is using this data folder. Stop it, or if it was left behind by a killed "
                    + "LiftCare, stop it with: kill " + first);
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
