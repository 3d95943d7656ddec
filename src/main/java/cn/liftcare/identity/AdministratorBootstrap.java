package cn.liftcare.identity;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outside the demo, the first start creates the platform operator and its first administrator, whose
 * password must come from the environment (LIFTCARE_ADMIN_PASSWORD): there are no default credentials.
 */
@Component
@Order(0)
class AdministratorBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

    private final UserManagement users;
    private final OrganizationManagement organizations;
    private final boolean demo;
    private final String username;
    private final String password;
    private final String operatorName;
    private final String regionCode;

    AdministratorBootstrap(UserManagement users, OrganizationManagement organizations,
            @Value("${liftcare.demo:true}") boolean demo,
            @Value("${liftcare.admin.username:admin}") String username,
            @Value("${liftcare.admin.password:}") String password,
            @Value("${liftcare.operator.name:LiftCare 平台运营}") String operatorName,
            @Value("${liftcare.operator.region-code:330100}") String regionCode) {
        this.users = users;
        this.organizations = organizations;
        this.demo = demo;
        this.username = username;
        this.password = password;
        this.operatorName = operatorName;
        this.regionCode = regionCode;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (demo || users.anyUserExists()) {
            return;
        }
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("""
                    LiftCare is starting without demo data and has no users yet. Set the first administrator's \
                    password in the environment, e.g. LIFTCARE_ADMIN_PASSWORD='a long secret' (at least %d \
                    characters); the user name defaults to 'admin' (LIFTCARE_ADMIN_USERNAME)."""
                    .formatted(UserManagement.MIN_PASSWORD_LENGTH));
        }
        OrganizationView operator = organizations.register(new OrganizationDetails(OrganizationType.PLATFORM,
                operatorName, null, null, null, regionCode, null, null));
        users.open(new NewUser(operator.id(), username, "Administrator", password, null, Set.of(Role.ADMIN)));
        log.info("Created the first administrator '{}' of {}", username, operatorName);
    }
}
