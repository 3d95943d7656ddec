package cn.liftcare.shared.db;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a failed embedded start into a message that tells the operator what to do instead. */
class EmbeddedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseUnavailableException cause) {
        return new FailureAnalysis(cause.getMessage() + """

                LiftCare starts its own PostgreSQL when no database is configured. That needs initdb to run as a
                non-root user: as root it uses 'unshare -U', which this machine does not allow.""",
                """
                Point LiftCare at a PostgreSQL server (version 15 or later) instead, for example:

                    export SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/liftcare
                    export SPRING_DATASOURCE_USERNAME=liftcare
                    export SPRING_DATASOURCE_PASSWORD=secret
                    ./mvnw spring-boot:run

                or run as a non-root user, or allow user namespaces (sysctl kernel.unprivileged_userns_clone=1).""",
                cause);
    }
}
