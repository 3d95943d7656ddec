package cn.liftcare.support;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** What every integration test context adds: a movable clock, and a clean schema once per JVM. */
@org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
public class TestConfiguration {

    private static final AtomicBoolean CLEANED = new AtomicBoolean();

    @Bean
    DemoUsers demoUsers(org.springframework.security.core.userdetails.UserDetailsService users) {
        return new DemoUsers(users);
    }

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }

    /** An external test database may hold an earlier run's data: start from nothing, once. */
    @Bean
    FlywayMigrationStrategy cleanOnceThenMigrate() {
        return flyway -> {
            if (CLEANED.compareAndSet(false, true)) {
                flyway.clean();
            }
            flyway.migrate();
        };
    }
}
