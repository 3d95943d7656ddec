package cn.liftcare.identity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liftcare.LiftCareApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Without the demo, LiftCare starts empty: no demo users, and the first administrator's password must
 * come from the environment. Runs on a database of its own (a separate schema on a server, or a separate
 * embedded cluster).
 */
class AdministratorBootstrapIT {

    static List<String> freshDatabase(String name) {
        List<String> properties = new ArrayList<>(List.of("server.port=0", "liftcare.demo=false",
                "spring.main.banner-mode=off", "spring.flyway.clean-disabled=false", "liftcare.security.bcrypt-strength=4"));
        String server = System.getenv("SPRING_DATASOURCE_URL");
        if (server != null && !server.isBlank()) {
            dropSchema(server, name);
            properties.add("spring.datasource.url=" + server + (server.contains("?") ? "&" : "?") + "currentSchema=" + name);
            properties.add("spring.flyway.schemas=" + name);
        }
        else {
            properties.add("liftcare.embedded-db.data-directory=" + Path.of("target", "test-postgres-" + name));
            properties.add("liftcare.embedded-db.clean=true");
        }
        return properties;
    }

    /** A schema of its own on the shared server, emptied first: an earlier run must not leave an admin behind. */
    private static void dropSchema(String url, String schema) {
        String user = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres");
        String password = System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "");
        try (var connection = java.sql.DriverManager.getConnection(url, user, password);
                var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot reset schema " + schema, e);
        }
    }

    @Test
    void withoutAPasswordInTheEnvironmentItRefusesToStart() {
        List<String> properties = freshDatabase("bootstrap_nopass");
        properties.add("liftcare.admin.password=");
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(LiftCareApplication.class)
                .run(arguments(properties)));
        assertThat(failure).isNotNull();
        assertThat(rootMessages(failure)).contains("LIFTCARE_ADMIN_PASSWORD");
    }

    @Test
    void withAPasswordItCreatesTheAdministratorAndNothingElse() {
        List<String> properties = freshDatabase("bootstrap_pass");
        properties.add("liftcare.admin.password=a-long-secret");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LiftCareApplication.class)
                .run(arguments(properties))) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT username FROM app_user").query(String.class).list()).containsExactly("admin");
            assertThat(jdbc.sql("SELECT type FROM organization").query(String.class).list()).containsExactly("PLATFORM");
            assertThat(jdbc.sql("SELECT count(*) FROM elevator").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("SELECT password_hash FROM app_user").query(String.class).single())
                    .startsWith("$2a$").doesNotContain("a-long-secret");
            var encoder = app.getBean(org.springframework.security.crypto.password.PasswordEncoder.class);
            assertThat(encoder.matches("a-long-secret",
                    jdbc.sql("SELECT password_hash FROM app_user").query(String.class).single())).isTrue();
            assertThat(encoder.matches("liftcare",
                    jdbc.sql("SELECT password_hash FROM app_user").query(String.class).single())).isFalse();
        }
    }

    /** As command-line arguments, which outrank application.properties (builder properties do not). */
    private static String[] arguments(List<String> properties) {
        return properties.stream().map(p -> "--" + p).toArray(String[]::new);
    }

    private static String rootMessages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append('\n');
        }
        return all.toString();
    }
}
