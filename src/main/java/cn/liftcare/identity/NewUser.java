package cn.liftcare.identity;

import java.util.Set;

/** The input for opening a user account. */
public record NewUser(OrganizationId organizationId, String username, String displayName, String password,
        String phone, Set<Role> roles) {
}
