package cn.liftcare.identity.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;

/** The signed-in principal: the account, its organisation, and so its {@link Scope}. */
public final class LiftCareUser implements UserDetails, CredentialsContainer {

    private final Scope scope;
    private final String displayName;
    private final String organizationName;
    private String passwordHash;
    private final boolean enabled;
    private final boolean locked;

    LiftCareUser(Scope scope, String displayName, String organizationName, String passwordHash, boolean enabled,
            boolean locked) {
        this.scope = scope;
        this.displayName = displayName;
        this.organizationName = organizationName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
    }

    public Scope scope() {
        return scope;
    }

    public String displayName() {
        return displayName;
    }

    public String organizationName() {
        return organizationName;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<SimpleGrantedAuthority> authorities = new java.util.ArrayList<>();
        for (Role role : scope.roles()) {
            authorities.add(new SimpleGrantedAuthority(role.authority()));
        }
        authorities.add(new SimpleGrantedAuthority("ORG_" + scope.organizationType().name()));
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return scope.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LiftCareUser other && other.getUsername().equals(getUsername());
    }

    @Override
    public int hashCode() {
        return getUsername().hashCode();
    }

    @Override
    public String toString() {
        return "LiftCareUser[" + getUsername() + "]";
    }
}
