package cn.liftcare.identity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A person who signs in, belonging to one organisation, with roles that organisation type may hold. */
@Table("app_user")
public class UserAccount extends AbstractAggregateRoot<UserAccount> {

    @Id
    private final UserId id;
    private final OrganizationId organizationId;
    private final String username;
    private String displayName;
    private String passwordHash;
    private String phone;
    private boolean enabled;
    @MappedCollection(idColumn = "app_user")
    private Set<RoleGrant> roles;
    private final Instant createdAt;
    @Version
    private Integer version;

    @PersistenceCreator
    UserAccount(UserId id, OrganizationId organizationId, String username, String displayName, String passwordHash,
            String phone, boolean enabled, Set<RoleGrant> roles, Instant createdAt, Integer version) {
        this.id = id;
        this.organizationId = organizationId;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.phone = phone;
        this.enabled = enabled;
        this.roles = roles;
        this.createdAt = createdAt;
        this.version = version;
    }

    static UserAccount open(UserId id, OrganizationId organizationId, String username, String displayName,
            String passwordHash, String phone, Set<Role> roles, Instant now) {
        UserAccount user = new UserAccount(id, organizationId, username, displayName, passwordHash, phone, true,
                grants(roles), now, null);
        user.registerEvent(new UserAccountChanged(id, null, user.view(), false));
        return user;
    }

    UserAccount changePassword(String newHash) {
        this.passwordHash = newHash;
        registerEvent(new UserAccountChanged(id, view(), view(), true));
        return this;
    }

    UserAccount amend(String displayName, String phone, Set<Role> roles, boolean enabled) {
        UserAccountView before = view();
        this.displayName = displayName;
        this.phone = phone;
        this.roles = grants(roles);
        this.enabled = enabled;
        registerEvent(new UserAccountChanged(id, before, view(), false));
        return this;
    }

    public UserAccountView view() {
        return new UserAccountView(id, organizationId, username, displayName, phone, enabled, roleSet());
    }

    public Set<Role> roleSet() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class)
                : EnumSet.copyOf(roles.stream().map(RoleGrant::role).collect(Collectors.toSet()));
    }

    public UserId id() {
        return id;
    }

    public OrganizationId organizationId() {
        return organizationId;
    }

    private static Set<RoleGrant> grants(Set<Role> roles) {
        return roles.stream().map(RoleGrant::new).collect(Collectors.toSet());
    }

    @Table("app_user_role")
    record RoleGrant(Role role) {
    }
}
