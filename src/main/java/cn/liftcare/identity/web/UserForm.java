package cn.liftcare.identity.web;

import java.util.EnumSet;
import java.util.Set;

/** The new-user form. */
public class UserForm {

    private Long organizationId;
    private String username;
    private String displayName;
    private String password;
    private String phone;
    private Set<cn.liftcare.identity.Role> roles = EnumSet.noneOf(cn.liftcare.identity.Role.class);

    public Long getOrganizationId() { return organizationId; }
    public void setOrganizationId(Long organizationId) { this.organizationId = organizationId; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public Set<cn.liftcare.identity.Role> getRoles() { return roles; }
    public void setRoles(Set<cn.liftcare.identity.Role> roles) { this.roles = roles; }
}
