package cn.liftcare.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.identity.security.LoginAttempts;
import cn.liftcare.shared.IdSequences;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/** Opens and maintains user accounts. Passwords are stored only as bcrypt hashes. */
@Service
public class UserManagement {

    static final int MIN_PASSWORD_LENGTH = 8;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    private final UserAccounts users;
    private final Organizations organizations;
    private final PasswordEncoder passwordEncoder;
    private final LoginAttempts loginAttempts;
    private final IdSequences ids;
    private final LiftCareTime time;

    UserManagement(UserAccounts users, Organizations organizations, PasswordEncoder passwordEncoder,
            LoginAttempts loginAttempts, IdSequences ids, LiftCareTime time) {
        this.users = users;
        this.organizations = organizations;
        this.passwordEncoder = passwordEncoder;
        this.loginAttempts = loginAttempts;
        this.ids = ids;
        this.time = time;
    }

    @Transactional
    public UserAccountView open(NewUser input) {
        List<Violation> violations = new ArrayList<>();
        Optional<Organization> organization = input.organizationId() == null ? Optional.empty()
                : organizations.findById(input.organizationId());
        if (organization.isEmpty()) {
            violations.add(Violation.of("organizationId", "user.organization.unknown"));
        }
        String username = input.username() == null ? "" : input.username().strip().toLowerCase();
        if (!USERNAME.matcher(username).matches()) {
            violations.add(Violation.of("username", "user.username.format"));
        }
        else if (users.existsByUsername(username)) {
            violations.add(Violation.of("username", "user.username.taken", username));
        }
        if (input.displayName() == null || input.displayName().isBlank()) {
            violations.add(Violation.of("displayName", "validation.required"));
        }
        checkPassword(violations, input.password());
        Set<Role> roles = input.roles() == null ? Set.of() : input.roles();
        if (roles.isEmpty()) {
            violations.add(Violation.of("roles", "user.roles.required"));
        }
        organization.ifPresent(org -> roles.stream().filter(r -> !r.canBeHeldBy(org.type()))
                .forEach(r -> violations.add(Violation.of("roles", "user.role.notForOrganization", Violation.label(r), Violation.label(org.type())))));
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        UserAccount user = UserAccount.open(new UserId(ids.next("app_user")), input.organizationId(), username,
                input.displayName().strip(), passwordEncoder.encode(input.password()), blankToNull(input.phone()),
                roles, time.now());
        return users.save(user).view();
    }

    @Transactional
    public void changePassword(UserId id, String newPassword) {
        List<Violation> violations = new ArrayList<>();
        checkPassword(violations, newPassword);
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        UserAccount user = users.findById(id).orElseThrow(() -> new NotFoundException("user", id.value()));
        users.save(user.changePassword(passwordEncoder.encode(newPassword)));
    }

    @Transactional
    public UserAccountView amend(UserId id, String displayName, String phone, Set<Role> roles, boolean enabled) {
        UserAccount user = users.findById(id).orElseThrow(() -> new NotFoundException("user", id.value()));
        Organization org = organizations.findById(user.organizationId()).orElseThrow();
        List<Violation> violations = new ArrayList<>();
        if (displayName == null || displayName.isBlank()) {
            violations.add(Violation.of("displayName", "validation.required"));
        }
        if (roles == null || roles.isEmpty()) {
            violations.add(Violation.of("roles", "user.roles.required"));
        }
        else {
            roles.stream().filter(r -> !r.canBeHeldBy(org.type())).forEach(r -> violations.add(
                    Violation.of("roles", "user.role.notForOrganization", Violation.label(r), Violation.label(org.type()))));
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        return users.save(user.amend(displayName.strip(), blankToNull(phone), roles, enabled)).view();
    }

    /** Lifts a lockout before it expires, e.g. after the user called the help desk. */
    @Transactional
    public void unlock(UserId id) {
        loginAttempts.clear(id);
    }

    public boolean anyUserExists() {
        return users.count() > 0;
    }

    public Optional<UserAccountView> byUsername(String username) {
        return users.findByUsername(username).map(UserAccount::view);
    }

    private static void checkPassword(List<Violation> violations, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            violations.add(Violation.of("password", "user.password.tooShort", MIN_PASSWORD_LENGTH));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
