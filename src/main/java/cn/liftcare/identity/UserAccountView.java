package cn.liftcare.identity;

import java.util.Set;

/** A user as others may see it: never the password hash. */
public record UserAccountView(UserId id, OrganizationId organizationId, String username, String displayName,
        String phone, boolean enabled, Set<Role> roles) {
}
