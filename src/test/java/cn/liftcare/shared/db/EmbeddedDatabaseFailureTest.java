package cn.liftcare.shared.db;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

import cn.liftcare.LiftCareApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** When the embedded PostgreSQL cannot start, LiftCare stops and says how to use a server instead. */
class EmbeddedDatabaseFailureTest {

    @Test
    void theStartupFailureExplainsHowToPointAtAServer() {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(LiftCareApplication.class)
                .run("--spring.datasource.url=", "--liftcare.embedded-db.data-directory=/proc/liftcare-cannot-write/pg",
                        "--server.port=0", "--liftcare.demo=false", "--spring.main.banner-mode=off"));
        EmbeddedDatabaseUnavailableException cause = findCause(failure);
        assertThat(cause).isNotNull();
        FailureAnalysis analysis = new EmbeddedDatabaseFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription()).contains("/proc/liftcare-cannot-write/pg");
        assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL=jdbc:postgresql://", "./mvnw spring-boot:run");
    }

    private static EmbeddedDatabaseUnavailableException findCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof EmbeddedDatabaseUnavailableException e) {
                return e;
            }
        }
        return null;
    }
}
